/** Web plumbing every feature shares: the JSON error body, error handling and security. */
package io.throughline.web;
