package io.throughline.knowledge.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.throughline.knowledge.IngestStatus;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.SourceSummary;
import io.throughline.knowledge.SourceUploads;
import io.throughline.web.ApiException;

/** {@code GET /api/knowledge/sources}: the stored sources and the ingestion status; {@code POST}: upload a file. */
@RestController
class KnowledgeSourcesController {

    private final KnowledgeBase knowledgeBase;
    private final SourceUploads uploads;

    KnowledgeSourcesController(KnowledgeBase knowledgeBase, SourceUploads uploads) {
        this.knowledgeBase = knowledgeBase;
        this.uploads = uploads;
    }

    record Sources(List<SourceSummary> sources, IngestStatus status) {
    }

    @GetMapping("/api/knowledge/sources")
    Sources sources() {
        return new Sources(knowledgeBase.summaries(), knowledgeBase.status());
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
