/**
 * Slack through the Events API: the signed webhook ({@code POST /webhooks/slack}: direct messages to the app and
 * mentions of it in channels) and the sender ({@code chat.postMessage}, in the customer's thread).
 */
package io.throughline.channel.slack;
