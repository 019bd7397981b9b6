/** The help centre: the knowledge the bot answers from, as public pages customers can browse and search. */
package io.throughline.knowledge.help;
