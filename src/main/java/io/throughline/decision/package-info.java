/** Drools rules from rules/ over conversation, customer and answer facts, giving a Decision. */
package io.throughline.decision;
