/**
 * The words customers write in the languages the bot serves (en, nl, de, fr, es): numbers, months and weekdays, clock times,
 * yes and no. Plain lists in plain Java that the parsers of several modules share, so this package knows no module.
 */
package io.throughline.language;
