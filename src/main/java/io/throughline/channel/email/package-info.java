/**
 * Email: a reader of the business's IMAP mailbox (IDLE where the server offers it, else polling) that strips quoted
 * history and signatures, and a sender on SMTP whose replies thread by Message-ID, In-Reply-To and References.
 */
package io.throughline.channel.email;
