/** The data-protection API: a customer's export and erasure. */
package io.throughline.customer.privacy.web;
