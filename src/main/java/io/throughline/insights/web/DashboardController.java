package io.throughline.insights.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /insights}: the dashboard page (login required), a static page that reads the insights API. */
@Controller
class DashboardController {

    @GetMapping({"/insights", "/insights/"})
    String dashboard() {
        return "forward:/insights/index.html";
    }
}
