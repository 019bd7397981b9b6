package io.throughline.insights.web;

import io.throughline.insights.LiveView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/insights/live}: open conversations by queue and channel, who waits, and SLAs at risk. */
@RestController
class LiveController {

    private final LiveView live;

    LiveController(LiveView live) {
        this.live = live;
    }

    @GetMapping("/api/insights/live")
    LiveView.Snapshot live() {
        return live.now();
    }
}
