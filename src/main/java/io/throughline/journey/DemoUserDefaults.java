package io.throughline.journey;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides {@code throughline.demo-user} when nobody did: on for the embedded default (H2), off for a real database.
 * When on, Camunda's own admin-user setup creates demo/demo (Camunda's convention) with full rights.
 */
class DemoUserDefaults implements EnvironmentPostProcessor {

    static final String SETTING = "throughline.demo-user";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "jdbc:h2:");
        boolean on = environment.getProperty(SETTING, Boolean.class, url.startsWith("jdbc:h2:"));
        if (!on) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("throughline-demo-user", Map.of(
                SETTING, "true",
                "camunda.bpm.admin-user.id", "demo",
                "camunda.bpm.admin-user.password", "demo",
                "camunda.bpm.admin-user.first-name", "Demo",
                "camunda.bpm.admin-user.last-name", "Agent")));
    }
}
