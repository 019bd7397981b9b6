/** The AI answerer: grounded, cited answers with a confidence, intent classification, and the bot's voice. */
package io.throughline.answer;
