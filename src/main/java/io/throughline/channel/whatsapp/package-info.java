/**
 * WhatsApp Cloud API: the signed webhook (customer messages and delivery statuses, with Meta's verify handshake) and the
 * sender, which answers in free text within the 24-hour customer service window and with an approved template outside it.
 */
package io.throughline.channel.whatsapp;
