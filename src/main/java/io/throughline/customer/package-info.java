/** Customer records: identities on every channel, attributes from the business's systems, channel preference. */
package io.throughline.customer;
