/** Offline evaluation of the answerer against labelled questions; it only reads, and no other module depends on it. */
package io.throughline.eval;
