package io.throughline.insights.web;

import io.throughline.insights.Filter;
import io.throughline.insights.JourneyStalls;
import io.throughline.journey.JourneySteps;
import io.throughline.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where journeys stall: {@code GET /api/insights/journeys} lists them; {@code /api/insights/journeys/{key}?from=&to=}
 * gives each BPMN step's visits, waits and where conversations left; {@code /api/insights/journeys/{key}/diagram} the
 * BPMN XML to draw them on.
 */
@RestController
class JourneysController {

    private final JourneyStalls stalls;

    JourneysController(JourneyStalls stalls) {
        this.stalls = stalls;
    }

    @GetMapping("/api/insights/journeys")
    List<JourneySteps.Journey> journeys() {
        return stalls.journeys();
    }

    @GetMapping("/api/insights/journeys/{key}")
    JourneyStalls.Report steps(@PathVariable String key, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        Filter range = Ranges.range(from, to);
        return stalls.report(key, range.from(), range.to()).orElseThrow(() -> unknown(key));
    }

    @GetMapping("/api/insights/journeys/{key}/diagram")
    ResponseEntity<String> diagram(@PathVariable String key) {
        return stalls.diagram(key).map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
                .orElseThrow(() -> unknown(key));
    }

    private static ApiException unknown(String key) {
        return new ApiException(HttpStatus.NOT_FOUND, "no journey '" + key + "' is deployed: GET /api/insights/journeys "
                + "lists them", "key");
    }
}
