/**
 * Who may call what: roles from Camunda groups, OIDC tokens or API keys; rate limits; body size limits; the page
 * headers (Content-Security-Policy) of the app's own pages.
 */
package io.throughline.web.security;
