package io.throughline.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code throughline.limits.*}: the largest request body taken, checked before it is read. Knowledge uploads
 * (multipart) have their own limit, {@code throughline.knowledge.max-file-size}.
 */
@ConfigurationProperties("throughline.limits")
public record BodyLimitSettings(
        @DefaultValue("1MB") DataSize webhookBody,
        @DefaultValue("256KB") DataSize jsonBody,
        @DefaultValue("64KB") DataSize attributes) {}
