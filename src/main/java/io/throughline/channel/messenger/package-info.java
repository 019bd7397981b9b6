/**
 * Messenger and Instagram messaging through the Messenger Platform: one signed webhook for both (a Page's and its linked
 * Instagram professional account's messages, delivery and read receipts), and one sender per channel sharing the Send API.
 */
package io.throughline.channel.messenger;
