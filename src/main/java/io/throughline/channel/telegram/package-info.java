/**
 * Telegram: the Bot API webhook ({@code POST /webhooks/telegram}, authenticated by the secret token given to
 * setWebhook) and the sender ({@code sendMessage}). Private chats only; edits of messages already answered are ignored.
 */
package io.throughline.channel.telegram;
