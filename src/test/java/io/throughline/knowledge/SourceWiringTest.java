package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.throughline.web.ApiException;

/** The knowledge beans as Spring builds them: the settings bind, and the file size limit reaches ingest and upload. */
class SourceWiringTest {

    @TempDir
    Path dir;

    @Configuration
    @EnableConfigurationProperties({KnowledgeSettings.class, SourceSettings.class})
    @Import({KnowledgeBase.class, KnowledgeSources.class, SourceUploads.class, SourceCrawls.class})
    static class KnowledgeBeans {

        @Bean
        JdbcClient jdbc() {
            return TestDatabases.freshH2();
        }

        @Bean
        Embeddings embeddings() {
            return SharedEmbeddings.get();
        }
    }

    @Test
    void maxFileSizeIsBoundAndAppliesToTheFolderAndToUploads() throws IOException {
        Files.writeString(dir.resolve("big.txt"), "x".repeat(3000));
        Files.writeString(dir.resolve("small.txt"), "Tours every Saturday.");

        new ApplicationContextRunner()
                .withUserConfiguration(KnowledgeBeans.class)
                .withPropertyValues("throughline.knowledge.dir=" + dir, "throughline.knowledge.max-file-size=2KB")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    IngestReport report = context.getBean(KnowledgeBase.class).ingest();
                    assertThat(report.failures()).extracting(IngestFailure::path).containsExactly("big.txt");
                    assertThat(report.failures().get(0).reason()).contains("over the limit of 2048 bytes");
                    ApiException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                            () -> context.getBean(SourceUploads.class).add("more.txt", 3000,
                                    new ByteArrayInputStream(new byte[3000])), ApiException.class);
                    assertThat(refused.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
                    assertThat(context).hasSingleBean(SourceCrawls.class);
                });
    }
}
