package io.throughline.knowledge.help;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.Passage;
import io.throughline.web.security.ContentSecurityPolicy;

/** {@code GET /help}: every article, or search results; {@code GET /help/{path}}: one article. Open to everyone. */
@Controller
class HelpCentreController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /** The app's policy, allowing the page's one inline script (it opens the chat from the page's buttons). */
    private static final String POLICY = ContentSecurityPolicy.allowingInlineScripts(HelpPage.OPEN_CHAT);
    private static final int RESULTS = 10;
    private static final int SUGGESTIONS = 3;
    /** Search always ranks every chunk; on the demo knowledge unrelated queries ("weather in paris") stay below 0.2. */
    private static final double MIN_SCORE = 0.3;

    private final KnowledgeBase knowledgeBase;
    private final HelpPages pages = new HelpPages();

    HelpCentreController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @GetMapping("/help")
    ResponseEntity<String> index(@RequestParam(name = "q", required = false) String query) {
        if (query == null || query.isBlank()) {
            return ok(pages.index(knowledgeBase.sources()));
        }
        String stripped = query.strip();
        String trimmed = stripped.substring(0, Math.min(stripped.length(), HelpPage.MAX_QUERY_CHARS));
        List<Passage> passages = knowledgeBase.search(trimmed, RESULTS).stream()
                .filter(passage -> passage.score() >= MIN_SCORE)
                .toList();
        return ok(pages.results(trimmed, passages));
    }

    record Suggestion(String title, String path, String section, double score) {}

    record Suggestions(List<Suggestion> articles) {}

    /**
     * The widget's "articles that may help" while the visitor types: at most three articles of the help centre (one
     * passage each, the best), only above the help centre's own relevance floor. Open, like the help centre.
     */
    @GetMapping(path = "/help/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Suggestions suggest(@RequestParam(name = "q", required = false) String query) {
        if (query == null || query.isBlank()) {
            return new Suggestions(List.of());
        }
        String stripped = query.strip();
        Map<String, Suggestion> best = new LinkedHashMap<>();
        for (Passage passage : knowledgeBase.search(stripped.substring(0, Math.min(stripped.length(), HelpPage.MAX_QUERY_CHARS)), RESULTS)) {
            // crawled pages live on their own site, not in the help centre
            if (passage.score() >= MIN_SCORE && !passage.source().contains("://") && best.size() < SUGGESTIONS) {
                best.putIfAbsent(passage.source(),
                        new Suggestion(passage.title(), passage.source(), passage.section(), passage.score()));
            }
        }
        return new Suggestions(List.copyOf(best.values()));
    }

    /** The path is only ever compared with the stored sources' paths; the file read is the stored source's. */
    @GetMapping("/help/{*path}")
    ResponseEntity<String> article(@PathVariable String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.isEmpty()) {
            return index(null);
        }
        Optional<String> page = knowledgeBase.source(relative)
                .flatMap(source -> knowledgeBase.text(source).map(text -> pages.article(source, text)));
        return page.map(HelpCentreController::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
                        .header(ContentSecurityPolicy.HEADER, POLICY).body(pages.notFound()));
    }

    private static ResponseEntity<String> ok(String html) {
        return ResponseEntity.ok().contentType(HTML).header(ContentSecurityPolicy.HEADER, POLICY).body(html);
    }
}
