package io.throughline.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import io.throughline.knowledge.Calibration;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeCalibrations;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.KnowledgeSources;
import io.throughline.knowledge.SharedEmbeddings;
import io.throughline.knowledge.SourceCrawls;
import io.throughline.knowledge.SourceSettings;
import io.throughline.knowledge.SourceUploads;
import io.throughline.knowledge.TestDatabases;
import io.throughline.knowledge.TestDocuments;
import io.throughline.web.ApiErrors;

class KnowledgeSourcesControllerTest {

    @TempDir
    Path root;

    private Path dir;
    private KnowledgeBase knowledgeBase;
    private MockMvc mvc;

    @BeforeEach
    void controllerOverATemporaryKnowledgeFolder() throws IOException {
        dir = Files.createDirectories(root.resolve("knowledge"));
        Files.writeString(dir.resolve("shipping.md"), "# Shipping\n\n## Delivery\n\nStandard shipping takes 3-5 days.\n");
        Files.writeString(dir.resolve("notes.odt"), "not a supported type");
        SourceSettings limits = new SourceSettings(DataSize.ofKilobytes(64));
        KnowledgeSettings settings = KnowledgeSettings.of(dir);
        var jdbc = TestDatabases.freshH2();
        KnowledgeSources sources = new KnowledgeSources(jdbc);
        knowledgeBase = new KnowledgeBase(settings, limits, SharedEmbeddings.get(), sources);
        knowledgeBase.ingest();
        mvc = MockMvcBuilders.standaloneSetup(
                        new KnowledgeSourcesController(knowledgeBase, new SourceUploads(settings, limits, knowledgeBase, sources),
                                new SourceCrawls(settings, limits, knowledgeBase, sources, SharedEmbeddings.get()),
                                calibrations(jdbc)))
                .setControllerAdvice(ApiErrors.advice())
                // as Spring Boot configures Jackson: dates as ISO-8601 text
                .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
                .build();
    }

    @Test
    void listsTheSourcesWithChunkCountsAndTheLastIngestStatus() throws Exception {
        mvc.perform(get("/api/knowledge/sources"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sources.length()").value(1))
                .andExpect(jsonPath("$.sources[0].path").value("shipping.md"))
                .andExpect(jsonPath("$.calibration.method").value("prior"))
                .andExpect(jsonPath("$.sources[0].title").value("Shipping"))
                .andExpect(jsonPath("$.sources[0].chunks").value(1))
                .andExpect(jsonPath("$.sources[0].ingestedAt").value(Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z")))
                .andExpect(jsonPath("$.status.state").value("idle"))
                .andExpect(jsonPath("$.status.filesDone").value(2))
                .andExpect(jsonPath("$.status.filesTotal").value(2))
                .andExpect(jsonPath("$.status.started").isNotEmpty())
                .andExpect(jsonPath("$.status.failures[0].path").value("notes.odt"))
                .andExpect(jsonPath("$.status.failures[0].reason").value(Matchers.startsWith("unsupported file type")));
    }

    @Test
    void anUploadedPdfIsStoredIngestedAndSearchable() throws Exception {
        byte[] pdf = TestDocuments.pdf("Grinder Guide", List.of(List.of("Clean the burrs every month with a brush.")), Map.of());

        mvc.perform(multipart("/api/knowledge/sources").file(new MockMultipartFile("file", "grinder guide.pdf",
                        "application/pdf", pdf)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source.path").value("grinder guide.pdf"))
                .andExpect(jsonPath("$.source.title").value("Grinder Guide"))
                .andExpect(jsonPath("$.source.chunks").value(1))
                .andExpect(jsonPath("$.report.changed").value(1))
                .andExpect(jsonPath("$.report.failed").value(1))
                .andExpect(jsonPath("$.report.failures[0].path").value("notes.odt"));

        assertThat(dir.resolve("grinder guide.pdf")).hasBinaryContent(pdf);
        assertThat(knowledgeBase.search("how do I clean the burrs", 1).get(0).source()).isEqualTo("grinder guide.pdf");
        assertThat(Files.list(dir).map(file -> file.getFileName().toString()))
                .containsExactlyInAnyOrder("shipping.md", "notes.odt", "grinder guide.pdf");
    }

    @Test
    void anUploadWithTheSameNameRefreshesTheSource() throws Exception {
        mvc.perform(multipart("/api/knowledge/sources").file(new MockMultipartFile("file", "shipping.md", "text/markdown",
                        "# Shipping\n\n## Express\n\nExpress takes one day.\n".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source.path").value("shipping.md"));

        assertThat(knowledgeBase.search("express delivery", 1).get(0).section()).isEqualTo("Express");
        assertThat(knowledgeBase.summaries()).hasSize(1);
    }

    @Test
    void aNameWithFoldersIsRefusedAndNothingIsWrittenOutsideTheFolder() throws Exception {
        for (String name : List.of("../evil.md", "..\\evil.md", "sub/evil.md", "/etc/evil.md", ".hidden.md", "C:evil.md")) {
            mvc.perform(multipart("/api/knowledge/sources").file(new MockMultipartFile("file", name, "text/markdown",
                            "# Evil\n\nText.\n".getBytes(StandardCharsets.UTF_8))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(Matchers.containsString("plain name")))
                    .andExpect(jsonPath("$.field").value("file"));
        }

        assertThat(root.resolve("evil.md")).doesNotExist();
        assertThat(Files.list(dir).map(file -> file.getFileName().toString()))
                .containsExactlyInAnyOrder("shipping.md", "notes.odt");
    }

    @Test
    void aTypeTheKnowledgeBaseCannotReadIsRefused() throws Exception {
        mvc.perform(multipart("/api/knowledge/sources").file(new MockMultipartFile("file", "run.sh", "text/x-sh",
                        "rm -rf /".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(Matchers.containsString(".pdf, .docx, .csv, .xlsx, .txt")))
                .andExpect(jsonPath("$.field").value("file"));

        assertThat(dir.resolve("run.sh")).doesNotExist();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() throws Exception {
        mvc.perform(multipart("/api/knowledge/sources").file(new MockMultipartFile("file", "big.txt", "text/plain",
                        "x".repeat(65 * 1024).getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value("'big.txt' is 66560 bytes, over the limit of 65536 bytes "
                        + "(setting throughline.knowledge.max-file-size)"))
                .andExpect(jsonPath("$.field").value("file"));

        assertThat(dir.resolve("big.txt")).doesNotExist();
    }

    @Test
    void aDamagedFileIsRefusedAndDoesNotReplaceTheGoodOne() throws Exception {
        Files.write(dir.resolve("manual.pdf"), TestDocuments.pdf("Manual", List.of(List.of("Descale monthly.")), Map.of()));
        knowledgeBase.ingest();
        byte[] good = Files.readAllBytes(dir.resolve("manual.pdf"));

        mvc.perform(multipart("/api/knowledge/sources").file(new MockMultipartFile("file", "manual.pdf", "application/pdf",
                        "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error").value(Matchers.startsWith("'manual.pdf' cannot be read as PDF")))
                .andExpect(jsonPath("$.field").value("file"));

        assertThat(dir.resolve("manual.pdf")).hasBinaryContent(good);
        assertThat(knowledgeBase.search("descale", 1).get(0).source()).isEqualTo("manual.pdf");
    }

    @Test
    void anEmptyFileOrAMissingPartIsABadRequest() throws Exception {
        mvc.perform(multipart("/api/knowledge/sources").file(new MockMultipartFile("file", "empty.md", "text/markdown",
                        new byte[0])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("'empty.md' is empty"));
        mvc.perform(multipart("/api/knowledge/sources").file(new MockMultipartFile("document", "a.md", "text/markdown",
                        "# A\n\nText.\n".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        mvc.perform(post("/api/knowledge/sources").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void aCrawlNeedsAnHttpAddressAndLimitsInRange() throws Exception {
        mvc.perform(post("/api/knowledge/sources").contentType(MediaType.APPLICATION_JSON).content("{\"url\": \"file:///etc/passwd\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("url"));
        mvc.perform(post("/api/knowledge/sources").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"http://localhost:1/\", \"maxPages\": 100000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("maxPages"));
    }

    /** What the answerer would have stored for this one-file knowledge: too small to calibrate, so the prior. */
    private KnowledgeCalibrations calibrations(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        KnowledgeCalibrations calibrations = new KnowledgeCalibrations(jdbc);
        calibrations.use(new Calibration(knowledgeBase.version(), "prior", -5.225, 9.5, 5.5, 0,
                "too little content to calibrate on", 0, java.time.Instant.now()));
        return calibrations;
    }
}
