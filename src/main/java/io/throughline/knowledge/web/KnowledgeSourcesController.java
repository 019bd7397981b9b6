package io.throughline.knowledge.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.throughline.knowledge.IngestStatus;
import io.throughline.knowledge.Calibration;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeCalibrations;
import io.throughline.knowledge.SourceCrawls;
import io.throughline.knowledge.SourceSummary;
import io.throughline.knowledge.SourceUploads;
import io.throughline.web.ApiException;

/**
 * {@code GET /api/knowledge/sources}: the stored sources and the ingestion status; {@code POST}: upload a file (multipart)
 * or crawl a site (JSON {@code {"url"}}).
 */
@RestController
class KnowledgeSourcesController {

    private final KnowledgeBase knowledgeBase;
    private final SourceUploads uploads;
    private final SourceCrawls crawls;
    private final KnowledgeCalibrations calibrations;

    KnowledgeSourcesController(KnowledgeBase knowledgeBase, SourceUploads uploads, SourceCrawls crawls,
                               KnowledgeCalibrations calibrations) {
        this.knowledgeBase = knowledgeBase;
        this.uploads = uploads;
        this.crawls = crawls;
        this.calibrations = calibrations;
    }

    /** @param calibration how the answer confidence is calibrated on this content (null until it is) */
    record Sources(List<SourceSummary> sources, IngestStatus status, Calibration calibration) {
    }

    /** A crawl from {@code url} within its site; depth 2 and 50 pages unless given. */
    record Crawl(String url, Integer maxDepth, Integer maxPages) {
    }

    @GetMapping("/api/knowledge/sources")
    Sources sources() {
        return new Sources(knowledgeBase.summaries(), knowledgeBase.status(), calibrations.inUse().orElse(null));
    }

    @PostMapping(path = "/api/knowledge/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
    SourceCrawls.Report crawl(@RequestBody Crawl crawl) {
        return crawls.crawl(crawl.url(), crawl.maxDepth() == null ? 2 : crawl.maxDepth(),
                crawl.maxPages() == null ? 50 : crawl.maxPages());
    }

    @PostMapping(path = "/api/knowledge/sources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SourceUploads.Upload upload(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "send the file as a multipart part named 'file'", "file");
        }
        return uploads.add(file.getOriginalFilename(), file.getSize(), file.getInputStream());
    }
}
