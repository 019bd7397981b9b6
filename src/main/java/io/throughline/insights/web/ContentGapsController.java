package io.throughline.insights.web;

import io.throughline.insights.ContentGaps;
import io.throughline.insights.Filter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/insights/content-gaps?from=&to=&intent=&limit=}: unanswered questions grouped by meaning. */
@RestController
class ContentGapsController {

    private final ContentGaps gaps;

    ContentGapsController(ContentGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping("/api/insights/content-gaps")
    ContentGaps.Report gaps(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String intent,
                            @RequestParam(defaultValue = "20") int limit) {
        Filter range = Ranges.filter(from, to, null, null, intent, null);
        return gaps.between(range.from(), range.to(), range.intent(), Ranges.bounded(limit, 1, 200, "limit"));
    }
}
