/**
 * Drools rules from rules/ (DRL and spreadsheet decision tables) over conversation, customer, answer and business-hours
 * facts, giving a Decision; loading, validation with file:line (row and cell for tables) and reload of the rules.
 */
package io.throughline.decision;
