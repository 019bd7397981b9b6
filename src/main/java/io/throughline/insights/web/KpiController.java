package io.throughline.insights.web;

import io.throughline.insights.ConversationKpis;
import io.throughline.insights.KpiReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/insights/kpis?from=&to=&journey=&channel=&intent=&queue=}: the KPI report. */
@RestController
class KpiController {

    private final ConversationKpis kpis;

    KpiController(ConversationKpis kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/api/insights/kpis")
    KpiReport kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String journey, @RequestParam(required = false) String channel,
                   @RequestParam(required = false) String intent, @RequestParam(required = false) String queue) {
        return kpis.report(Ranges.filter(from, to, journey, channel, intent, queue));
    }
}
