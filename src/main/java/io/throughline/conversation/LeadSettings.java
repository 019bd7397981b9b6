package io.throughline.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pre-sales leads ({@code throughline.leads.*}).
 *
 * @param salesTeamSize from this many people on, a lead goes to the sales team rather than to a demo
 */
@ConfigurationProperties("throughline.leads")
public record LeadSettings(@DefaultValue("10") int salesTeamSize) {}
