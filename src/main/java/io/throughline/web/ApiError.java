package io.throughline.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every 4xx/5xx from /api and /webhooks: what went wrong and what to do, and the offending field if any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {}
