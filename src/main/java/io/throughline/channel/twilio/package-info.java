/** SMS through Twilio: the signed incoming-message and status-callback webhooks, and the sender on Twilio's REST API. */
package io.throughline.channel.twilio;
