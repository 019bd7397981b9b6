package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The migration and the repository on a real PostgreSQL: a scratch database on the local server, dropped afterwards. */
class KnowledgeSourcesPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "knowledge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static JdbcClient jdbc;

    @BeforeAll
    static void scratchDatabase() {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + DATABASE);
        } catch (SQLException e) {
            boolean required = Boolean.getBoolean("throughline.test.postgres.required");
            System.err.println("SKIPPING PostgreSQL knowledge test: no server at " + SERVER + " (" + e.getMessage() + ")");
            Assumptions.assumeTrue(required, "PostgreSQL not reachable");
            throw new IllegalStateException("PostgreSQL is required but not reachable at " + SERVER, e);
        }
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), SERVER + DATABASE, "postgres", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void dropScratchDatabase() throws SQLException {
        if (jdbc == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + DATABASE.toLowerCase(Locale.ROOT) + " with (force)");
        }
    }

    @Test
    void storesChunksWithTheirVectorsAndReplacesChangedSources(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("shipping.md"), "# Shipping\n\n## Delivery times\n\nStandard shipping takes 3-5 business days.\n");
        Files.writeString(dir.resolve("about.html"), "<title>About</title><h2>Story</h2><p>Founded in 2016 in Utrecht.</p>");
        KnowledgeBase knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(dir), SharedEmbeddings.get(), new KnowledgeSources(jdbc));

        assertThat(knowledgeBase.ingest()).extracting(IngestReport::files, IngestReport::chunks).containsExactly(2, 2);
        Files.writeString(dir.resolve("shipping.md"), "# Shipping\n\n## Delivery times\n\nExpress takes 1-2 business days.\n");
        Files.delete(dir.resolve("about.html"));
        IngestReport again = knowledgeBase.ingest();

        assertThat(again).extracting(IngestReport::changed, IngestReport::removed, IngestReport::embedded).containsExactly(1, 1, 1);
        assertThat(jdbc.sql("select count(*) from knowledge_chunks").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select octet_length(embedding) from knowledge_chunks").query(Integer.class).single())
                .isEqualTo(384 * Float.BYTES);
        assertThat(knowledgeBase.search("how fast is express delivery", 1).get(0).text()).contains("1-2 business days");
        assertThat(knowledgeBase.summaries()).singleElement()
                .satisfies(summary -> assertThat(summary.path()).isEqualTo("shipping.md"))
                .satisfies(summary -> assertThat(summary.chunks()).isEqualTo(1))
                .satisfies(summary -> assertThat(summary.ingestedAt()).isBefore(java.time.Instant.now().plusSeconds(1)));
    }
}
