/** Conversations and their messages on every channel, and InboundMessages.accept, the one door every message comes in by. */
package io.throughline.conversation;
