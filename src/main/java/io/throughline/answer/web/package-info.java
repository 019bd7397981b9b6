/** HTTP view of the answerer: intent classification. */
package io.throughline.answer.web;
