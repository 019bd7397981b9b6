package io.throughline.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RulesSettingsTest {

    @Test
    void rulesComeFromTheTopLevelRulesFolderByDefault() {
        RulesSettings settings = bind(Map.of());

        assertThat(settings.dir()).isEqualTo(Path.of("rules"));
    }

    @Test
    void rulesFolderCanBeMoved() {
        RulesSettings settings = bind(Map.of("throughline.rules.dir", "/etc/throughline/rules"));

        assertThat(settings.dir()).isEqualTo(Path.of("/etc/throughline/rules"));
    }

    private static RulesSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("throughline.rules", RulesSettings.class);
    }
}
