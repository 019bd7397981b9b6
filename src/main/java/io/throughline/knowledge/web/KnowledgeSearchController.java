package io.throughline.knowledge.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.throughline.knowledge.KnowledgeBase;

/** Shows what retrieval finds for a query, with scores and the keyword and embedding ranks behind them. */
@RestController
class KnowledgeSearchController {

    private final KnowledgeBase knowledgeBase;

    KnowledgeSearchController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @GetMapping("/api/knowledge/search")
    List<SearchHit> search(@RequestParam(name = "q", required = false) String query,
                           @RequestParam(name = "limit", defaultValue = "5") int limit) {
        if (query == null || query.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q is required");
        }
        return knowledgeBase.explain(query, Math.min(Math.max(limit, 1), 50)).stream().map(SearchHit::of).toList();
    }
}
