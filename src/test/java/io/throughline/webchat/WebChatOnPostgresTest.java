package io.throughline.webchat;

import io.throughline.support.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web-chat path on PostgreSQL, in a database of its own for this run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "throughline.demo-user=true")
class WebChatOnPostgresTest extends WebChatJourneyTests {

    /** Skips (loudly) or fails before the application starts when there is no PostgreSQL; see {@link Postgres}. */
    @BeforeAll
    static void requirePostgres() {
        Postgres.database();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        var database = Postgres.database();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }
}
