package io.throughline.eval;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The application started apart from the real one, for the replay: an in-memory database of its own, no web server,
 * no demo user, the journeys and rules from the given folders, and nothing sent anywhere. Whatever configured a
 * channel, a mail server or a chat model (files, environment variables, system properties) is invisible to it, so no
 * secret reaches it and no IMAP reader or provider client starts; replies are only marked sent
 * ({@code throughline.channels.dry-run}). Answers are the offline, extractive ones.
 */
public final class Sandbox implements AutoCloseable {

    /** Settings the sandbox never takes from the configuration (compared without case, dots, dashes, underscores). */
    private static final String[] HIDDEN = {"throughline.channels.", "spring.mail.", "throughline.llm.",
            "throughline.knowledge.index-dir"};

    private final ConfigurableApplicationContext context;

    private Sandbox(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the application class in the sandbox. Null folders mean the configured ones ({@code processes},
     * {@code rules} by default).
     */
    public static Sandbox start(Class<?> application, Path processesDir, Path rulesDir) {
        String name = "replay" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.url", "jdbc:h2:mem:" + name);
        settings.put("spring.datasource.driver-class-name", "org.h2.Driver");
        settings.put("spring.datasource.username", "sa");
        settings.put("spring.datasource.password", "");
        settings.put("spring.main.web-application-type", "none");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.jmx.enabled", "false");
        // engine REST needs a servlet container, and there is none
        settings.put("spring.autoconfigure.exclude",
                "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
        // Camunda keeps engines in a JVM-wide registry by name: never meet the application's own engine there
        settings.put("camunda.bpm.process-engine-name", name);
        settings.put("camunda.bpm.job-execution.enabled", "true");
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", "50");
        settings.put("camunda.bpm.job-execution.max-wait", "200");
        settings.put("throughline.demo-user", "false");
        settings.put("throughline.channels.dry-run", "true");
        if (processesDir != null) {
            settings.put("throughline.journey.processes-dir", processesDir.toString());
        }
        if (rulesDir != null) {
            settings.put("throughline.rules.dir", rulesDir.toString());
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            ConfigurableEnvironment environment = event.getEnvironment();
            hideSecrets(environment);
            environment.getPropertySources().addFirst(new MapPropertySource("replay-sandbox", settings));
        });
        return new Sandbox(app.run());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A setting as the sandbox sees it. */
    public String setting(String name, String fallback) {
        return context.getEnvironment().getProperty(name, fallback);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Replaces every property source that names a hidden setting by a copy without it. */
    private static void hideSecrets(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || Stream.of(enumerable.getPropertyNames()).noneMatch(Sandbox::hidden)) {
                continue;
            }
            Map<String, Object> kept = new HashMap<>();
            for (String name : enumerable.getPropertyNames()) {
                if (!hidden(name)) {
                    kept.put(name, enumerable.getProperty(name));
                }
            }
            environment.getPropertySources().replace(source.getName(), source instanceof SystemEnvironmentPropertySource
                    ? new SystemEnvironmentPropertySource(source.getName(), kept)
                    : new MapPropertySource(source.getName(), kept));
        }
    }

    static boolean hidden(String property) {
        String plain = canonical(property);
        return Stream.of(HIDDEN).map(Sandbox::canonical).anyMatch(plain::startsWith);
    }

    private static String canonical(String property) {
        return property.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
