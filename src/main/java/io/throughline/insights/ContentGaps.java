package io.throughline.insights;

import io.throughline.knowledge.Embeddings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What to write next in {@code knowledge/}: the customer questions the answerer could not answer well enough (its
 * confidence below {@code gap-confidence}, which covers "nothing found" and escalations for lack of knowledge; intents
 * such as asking for a person are left out), grouped by meaning with the in-process embeddings, largest group first.
 *
 * <p>Identical questions (ignoring case and spacing) are counted together first; the {@code gap-questions} most frequent
 * distinct ones are embedded and grouped, each joining the first group whose leading question is at least
 * {@code gap-similarity} alike. The rest are counted as {@code ungrouped}.
 */
@Service
public class ContentGaps {

    static final int EXAMPLES = 5;

    public record Example(String text, long count, UUID conversationId) {}

    public record IntentCount(String intent, long count) {}

    /**
     * @param volume   unanswered questions in the group
     * @param escalated of them, how many went to a person
     */
    public record Gap(String label, long volume, long escalated, Double averageConfidence, OffsetDateTime lastAsked,
                      List<IntentCount> intents, List<Example> examples) {}

    /**
     * @param unanswered every unanswered question in the range
     * @param ungrouped  those beyond the {@code gap-questions} most frequent distinct ones
     */
    public record Report(OffsetDateTime from, OffsetDateTime to, double confidenceBelow, double similarity,
                         long unanswered, long distinctQuestions, long ungrouped, List<Gap> gaps) {}

    // the question is the customer's last message when the decision was taken
    private static final String QUESTIONS = """
            select q.question, q.intent, count(*) as asked, max(q.decided_at) as last_asked,
                   sum(q.confidence) as confidence_sum,
                   sum(case when q.action = 'ESCALATE' then 1 else 0 end) as escalated,
                   max(cast(q.conversation_id as varchar(36))) as example_conversation
            from (select d.conversation_id, d.intent, d.confidence, d.action, d.decided_at,
                         (select m.text from messages m where m.conversation_id = d.conversation_id
                            and m.direction = 'IN' and m.created_at <= d.decided_at
                          order by m.seq desc fetch first 1 row only) as question
                  from decisions d
                  where d.decided_at >= ? and d.decided_at < ? and d.confidence < ?
                    and (d.intent is null or d.intent not in (%s))
                    %s
                  offset 0 rows) q -- keeps PostgreSQL from looking the question up twice (select and group by)
            where q.question is not null
            group by q.question, q.intent""";

    private final JdbcClient jdbc;
    private final Embeddings embeddings;
    private final InsightsSettings settings;
    private final Recent<Report> recent;

    ContentGaps(JdbcClient jdbc, Embeddings embeddings, InsightsSettings settings) {
        this.jdbc = jdbc;
        this.embeddings = embeddings;
        this.settings = settings;
        this.recent = new Recent<>(settings.reportMaxAge(), 16); // a report reads every unanswered question
    }

    /** @param intent only questions classified so (null: any) */
    public Report between(OffsetDateTime from, OffsetDateTime to, String intent, int limit) {
        return recent.get(from.toInstant() + "|" + to.toInstant() + "|" + intent + "|" + limit,
                () -> report(from, to, intent, limit));
    }

    private Report report(OffsetDateTime from, OffsetDateTime to, String intent, int limit) {
        List<Object> params = new ArrayList<>(List.of(from, to, settings.gapConfidence()));
        List<String> ignored = settings.gapIgnoredIntents().isEmpty() ? List.of("") : settings.gapIgnoredIntents();
        params.addAll(ignored);
        if (intent != null) {
            params.add(intent);
        }
        String sql = QUESTIONS.formatted(String.join(", ", java.util.Collections.nCopies(ignored.size(), "?")),
                intent == null ? "" : "and d.intent = ?");
        Map<String, Question> questions = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            String text = rs.getString(1).strip();
            questions.computeIfAbsent(normalize(text), key -> new Question(text))
                    .add(rs.getString(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class), rs.getDouble(5),
                            rs.getLong(6), rs.getString(7));
        });
        List<Question> ranked = questions.values().stream()
                .sorted(Comparator.comparingLong((Question q) -> -q.asked).thenComparing(q -> q.text)).toList();
        long unanswered = ranked.stream().mapToLong(q -> q.asked).sum();
        List<Question> grouped = ranked.subList(0, Math.min(ranked.size(), settings.gapQuestions()));
        long ungrouped = unanswered - grouped.stream().mapToLong(q -> q.asked).sum();
        List<Gap> gaps = group(grouped).stream()
                .map(ContentGaps::gap)
                .sorted(Comparator.comparingLong((Gap g) -> -g.volume()).thenComparing(Gap::label))
                .limit(limit).toList();
        return new Report(from, to, settings.gapConfidence(), settings.gapSimilarity(), unanswered, ranked.size(),
                ungrouped, gaps);
    }

    /** Greedy: most frequent first; each question joins the first group whose leader is alike enough, else leads one. */
    private List<List<Question>> group(List<Question> questions) {
        List<float[]> vectors = embeddings.embedAll(questions.stream().map(q -> q.text).toList());
        List<List<Question>> groups = new ArrayList<>();
        List<float[]> leaders = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            int home = -1;
            for (int g = 0; g < leaders.size() && home < 0; g++) {
                if (Embeddings.cosine(leaders.get(g), vectors.get(i)) >= settings.gapSimilarity()) {
                    home = g;
                }
            }
            if (home < 0) {
                groups.add(new ArrayList<>());
                leaders.add(vectors.get(i));
                home = groups.size() - 1;
            }
            groups.get(home).add(questions.get(i));
        }
        return groups;
    }

    private static Gap gap(List<Question> members) {
        long volume = members.stream().mapToLong(q -> q.asked).sum();
        long escalated = members.stream().mapToLong(q -> q.escalated).sum();
        double confidence = members.stream().mapToDouble(q -> q.confidenceSum).sum();
        OffsetDateTime last = members.stream().map(q -> q.lastAsked).max(Comparator.naturalOrder()).orElse(null);
        Map<String, Long> intents = new TreeMap<>();
        members.forEach(q -> q.intents.forEach((intent, n) -> intents.merge(intent, n, Long::sum)));
        return new Gap(members.get(0).text, volume, escalated, volume == 0 ? null : confidence / volume, last,
                intents.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> new IntentCount(e.getKey().isEmpty() ? null : e.getKey(), e.getValue())).toList(),
                members.stream().limit(EXAMPLES)
                        .map(q -> new Example(q.text, q.asked, q.example == null ? null : UUID.fromString(q.example)))
                        .toList());
    }

    static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** One distinct question (case and spacing aside) and what is known about the times it was asked. */
    private static final class Question {
        final String text;
        final Map<String, Long> intents = new LinkedHashMap<>();
        long asked;
        long escalated;
        double confidenceSum;
        OffsetDateTime lastAsked;
        String example;

        Question(String text) {
            this.text = text;
        }

        void add(String intent, long count, OffsetDateTime last, double confidence, long escalations,
                 String conversation) {
            asked += count;
            escalated += escalations;
            confidenceSum += confidence;
            intents.merge(intent == null ? "" : intent, count, Long::sum);
            if (lastAsked == null || last.isAfter(lastAsked)) {
                lastAsked = last;
                example = conversation;
            }
        }
    }
}
