package io.throughline.eval;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.KnowledgeSources;

/** A knowledge base without Spring: a folder ingested into a fresh in-memory H2 set up by the app's own migrations. */
public final class OfflineKnowledge {

    private OfflineKnowledge() {
    }

    public static KnowledgeBase ingest(Path dir, Embeddings embeddings) {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:eval-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        KnowledgeBase knowledgeBase = new KnowledgeBase(KnowledgeSettings.of(dir), embeddings,
                new KnowledgeSources(JdbcClient.create(dataSource)));
        knowledgeBase.ingest();
        return knowledgeBase;
    }
}
