/**
 * What Meta's messaging platforms (WhatsApp Cloud API, Messenger, Instagram) share: the X-Hub-Signature-256 check, the
 * webhook verification handshake, the Graph API client and the limits of a reply's text.
 */
package io.throughline.channel.meta;
