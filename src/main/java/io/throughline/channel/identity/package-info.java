/** One-time codes that prove an email address or phone number, sent on whichever channel reaches it. */
package io.throughline.channel.identity;
