package io.throughline.customer;

/** An identity as a customer holds it: verified when it was proven (a one-time code, the site's signature). */
public record KnownIdentity(Identity identity, boolean verified) {}
