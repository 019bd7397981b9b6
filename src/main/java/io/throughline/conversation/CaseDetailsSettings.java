package io.throughline.conversation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a troubleshooting conversation gathers before a person takes over ({@code throughline.case-details.*}).
 *
 * @param devices the products customers name, recognised in what they write (the longest match wins)
 */
@ConfigurationProperties("throughline.case-details")
public record CaseDetailsSettings(
        @DefaultValue({"Dual Boiler", "Compact", "grinder", "espresso machine", "steam wand", "machine"}) List<String> devices) {}
