package io.throughline.eval;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database the application is configured with (application.yml, {@code SPRING_DATASOURCE_URL}...), opened read-only
 * and with nothing else: no migration, no engine. The embedded H2 file can be opened by one process at a time, so read
 * it while the application is stopped.
 */
final class ConfiguredDatabase implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ConfiguredDatabase(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ConfiguredDatabase open() {
        SpringApplication app = new SpringApplication(OnlyTheDataSource.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.addInitializers(context -> readOnly(context.getEnvironment()));
        return new ConfiguredDatabase(app.run());
    }

    JdbcClient jdbc() {
        return JdbcClient.create(context.getBean(DataSource.class));
    }

    String url() {
        return context.getEnvironment().getProperty("spring.datasource.url");
    }

    @Override
    public void close() {
        context.close();
    }

    private static void readOnly(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.datasource.hikari.read-only", "true");
        settings.put("spring.datasource.hikari.maximum-pool-size", "2");
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase().contains("IFEXISTS")) {
            // never create an empty database where the real one was expected
            settings.put("spring.datasource.url", url + ";IFEXISTS=TRUE");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("replay-read-only", settings));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class OnlyTheDataSource {
    }
}
