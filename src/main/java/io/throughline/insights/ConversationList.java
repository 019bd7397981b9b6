package io.throughline.insights;

import java.util.List;
import org.springframework.stereotype.Service;

/** The conversations behind the KPIs, one row each, newest first: a page for the dashboard, all of them for CSV. */
@Service
public class ConversationList {

    public record Page(long total, int offset, int limit, List<ConversationSummary> rows) {}

    private final ConversationRows rows;
    private final ConversationKpis kpis;

    ConversationList(ConversationRows rows, ConversationKpis kpis) {
        this.rows = rows;
        this.kpis = kpis;
    }

    public Page page(Filter filter, int offset, int limit) {
        Measures measures = kpis.measures();
        List<ConversationRow> found = rows.find(filter);
        List<ConversationSummary> page = found.stream().skip(offset).limit(limit)
                .map(row -> ConversationSummary.of(row, measures)).toList();
        return new Page(found.size(), offset, limit, page);
    }

    public List<ConversationSummary> all(Filter filter) {
        Measures measures = kpis.measures();
        return rows.find(filter).stream().map(row -> ConversationSummary.of(row, measures)).toList();
    }
}
