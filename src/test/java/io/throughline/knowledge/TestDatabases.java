package io.throughline.knowledge;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A fresh in-memory H2 database, migrated by Flyway with the app's own migrations. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static JdbcClient freshH2() {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:knowledge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }

    /** The demo knowledge base, ingested into a fresh database. */
    public static KnowledgeBase demoKnowledgeBase() {
        KnowledgeBase knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(java.nio.file.Path.of("knowledge")),
                SharedEmbeddings.get(), new KnowledgeSources(freshH2()));
        knowledgeBase.ingest();
        return knowledgeBase;
    }
}
