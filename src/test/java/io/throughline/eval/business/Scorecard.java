package io.throughline.eval.business;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Predicate;

/** The figures of one business: the bot's first replies and the bare cosine search on the same questions. */
record Scorecard(String business, List<FirstReply> replies, List<BareCosineSearch.Hit> bare, double bareThreshold) {

    static void header(PrintStream out) {
        out.printf("%-10s %4s %4s | %-11s %-9s %-9s %-9s %-9s %-9s %-9s | %-11s %-9s %-9s%n", "business", "ans", "off",
                "right 1st", "handed", "details", "wrong/all", "refused", "reply lang", "non-en 1st",
                "bare 1st", "bare wrong", "bare ref.");
    }

    void print(PrintStream out) {
        List<FirstReply> answerable = replies.stream().filter(r -> r.question().inScope()).toList();
        List<FirstReply> offTopic = replies.stream().filter(r -> !r.question().inScope()).toList();
        List<FirstReply> nonEnglish = answerable.stream().filter(r -> !r.question().language().equals("en")).toList();
        out.printf("%-10s %4d %4d | %-11s %-9s %-9s %-9s %-9s %-9s %-9s | %-11s %-9s %-9s%n", business,
                answerable.size(), offTopic.size(),
                share(answerable, FirstReply::rightSourceFirst), share(answerable, FirstReply::handedOver),
                share(answerable, FirstReply::askedForDetails), share(replies, FirstReply::answeredWrongly),
                share(offTopic, r -> !r.answered()), share(replies, FirstReply::inCustomersLanguage),
                share(nonEnglish, FirstReply::rightSourceFirst),
                bareShare(true, true), bareShare(null, false), bareShare(false, null));
    }

    double rightSourceFirst() {
        return rate(replies.stream().filter(r -> r.question().inScope()).toList(), FirstReply::rightSourceFirst);
    }

    double answeredWrongly() {
        return rate(replies, FirstReply::answeredWrongly);
    }

    double offTopicRefused() {
        return rate(replies.stream().filter(r -> !r.question().inScope()).toList(), r -> !r.answered());
    }

    /** Answerable questions the bot asked for details instead of answering or handing over. */
    long askedForDetails() {
        return replies.stream().filter(r -> r.question().inScope() && r.askedForDetails()).count();
    }

    double inCustomersLanguage() {
        return rate(replies, FirstReply::inCustomersLanguage);
    }

    /**
     * The bare search's share: {@code inScope} picks the questions (null: all), {@code right} what counts (true: answered
     * from the expected source, false: answered wrongly, null: refused).
     */
    private String bareShare(Boolean inScope, Boolean right) {
        int total = 0;
        int hits = 0;
        for (int i = 0; i < replies.size(); i++) {
            var question = replies.get(i).question();
            if (inScope != null && question.inScope() != inScope) {
                continue;
            }
            total++;
            var hit = bare.get(i);
            boolean answers = hit.cosine() >= bareThreshold;
            boolean correct = answers && question.inScope() && question.expectedSource().equals(hit.source());
            hits += right == null ? (answers ? 0 : 1) : right ? (correct ? 1 : 0) : (answers && !correct ? 1 : 0);
        }
        return String.format("%d (%.2f)", hits, total == 0 ? 0 : (double) hits / total);
    }

    private static String share(List<FirstReply> replies, Predicate<FirstReply> test) {
        long hits = replies.stream().filter(test).count();
        return String.format("%d (%.2f)", hits, rate(replies, test));
    }

    private static double rate(List<FirstReply> replies, Predicate<FirstReply> test) {
        return replies.isEmpty() ? 0 : (double) replies.stream().filter(test).count() / replies.size();
    }
}
