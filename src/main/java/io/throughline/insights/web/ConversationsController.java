package io.throughline.insights.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.throughline.insights.ConversationList;
import io.throughline.insights.Filter;
import io.throughline.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/insights/conversations}: one row per conversation, newest first, with the same filters as the KPIs.
 * JSON pages ({@code offset}, {@code limit} up to 500), or every row as CSV with {@code format=csv} or
 * {@code Accept: text/csv}.
 */
@RestController
class ConversationsController {

    static final String CSV = "text/csv";

    private final ConversationList conversations;
    private final ObjectMapper json;

    ConversationsController(ConversationList conversations, ObjectMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    @GetMapping("/api/insights/conversations")
    void conversations(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String journey, @RequestParam(required = false) String channel,
                       @RequestParam(required = false) String intent, @RequestParam(required = false) String queue,
                       @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit,
                       @RequestParam(required = false) String format,
                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                       HttpServletResponse response) throws IOException {
        Filter filter = Ranges.filter(from, to, journey, channel, intent, queue);
        if (wantsCsv(format, accept)) {
            response.setContentType(CSV + ";charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"conversations-"
                    + filter.from().format(DateTimeFormatter.ISO_LOCAL_DATE) + "-to-"
                    + filter.to().minusNanos(1).format(DateTimeFormatter.ISO_LOCAL_DATE) + ".csv\"");
            ConversationsCsv.write(conversations.all(filter), response.getWriter());
            return;
        }
        ConversationList.Page page = conversations.page(filter, Ranges.bounded(offset, 0, Integer.MAX_VALUE, "offset"),
                Ranges.bounded(limit, 1, 500, "limit"));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), page);
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("csv")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw new ApiException(HttpStatus.BAD_REQUEST, "format must be json or csv, not '" + format + "'", "format");
        }
        return accept != null && accept.toLowerCase().contains(CSV);
    }
}
