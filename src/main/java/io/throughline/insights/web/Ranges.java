package io.throughline.insights.web;

import io.throughline.insights.Filter;
import io.throughline.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/**
 * The time range every insights call takes: {@code from} and {@code to} in ISO-8601, a date (UTC) or a date-time with
 * offset. A date {@code to} includes that day. Without {@code to}: now; without {@code from}: 30 days before {@code to}.
 */
final class Ranges {

    static final int DEFAULT_DAYS = 30;

    private Ranges() {
    }

    static Filter filter(String from, String to, String journey, String channel, String intent, String queue) {
        OffsetDateTime end = to == null || to.isBlank() ? OffsetDateTime.now(Clock.systemUTC()) : parse(to, "to", true);
        OffsetDateTime start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS) : parse(from, "from", false);
        if (!start.isBefore(end)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "from (" + start + ") must be before to (" + end + ")", "from");
        }
        return new Filter(start, end, journey, channel, intent, queue);
    }

    static Filter range(String from, String to) {
        return filter(from, to, null, null, null, null);
    }

    private static OffsetDateTime parse(String value, String field, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, field + " must be an ISO-8601 date (2026-11-01) or date-time "
                    + "with offset (2026-11-01T09:00:00Z), not '" + value + "'", field);
        }
    }

    static int bounded(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new ApiException(HttpStatus.BAD_REQUEST, field + " must be between " + min + " and " + max, field);
        }
        return value;
    }
}
