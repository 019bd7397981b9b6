package io.throughline.decision;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the escalation and routing rules live (setting {@code throughline.rules.dir}). */
@ConfigurationProperties("throughline.rules")
public record RulesSettings(@DefaultValue("rules") Path dir) {
}
