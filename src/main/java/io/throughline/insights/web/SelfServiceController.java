package io.throughline.insights.web;

import io.throughline.insights.SelfService;
import io.throughline.web.ApiException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
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
        OffsetDateTime end = to == null ? OffsetDateTime.now(ZoneOffset.UTC) : parse(to, "to");
        OffsetDateTime start = from == null ? end.minusDays(30) : parse(from, "from");
        if (!start.isBefore(end)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "from must be before to", "from");
        }
        return selfService.between(start, end);
    }

    /** ISO-8601: a date (midnight UTC) or a date-time with offset. */
    private static OffsetDateTime parse(String value, String field) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, field + " must be an ISO-8601 date (2026-11-01) or date-time "
                    + "(2026-11-01T09:00:00Z), not '" + value + "'", field);
        }
    }
}
