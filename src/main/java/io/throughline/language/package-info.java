/**
 * The languages the bot serves (en, nl, de, fr, es): which one a message is written in (detected offline), and the words
 * customers write in them: numbers, months and weekdays, clock times, yes and no. The parsers of several modules share
 * them, so this package knows no module.
 */
package io.throughline.language;
