package io.throughline.insights.web;

import io.throughline.insights.Filter;
import io.throughline.insights.SelfService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/insights/self-service?from=&to=}: help-article views from the widget and how many ended there. */
@RestController
class SelfServiceController {

    private final SelfService selfService;

    SelfServiceController(SelfService selfService) {
        this.selfService = selfService;
    }

    @GetMapping("/api/insights/self-service")
    SelfService.Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Filter range = Ranges.range(from, to);
        return selfService.between(range.from(), range.to());
    }
}
