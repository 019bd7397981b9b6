/** The Channel SPI (inbound parse and verify, outbound send) with one sub-package per channel. */
package io.throughline.channel;
