package io.throughline.eval.business;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


import org.springframework.jdbc.core.simple.JdbcClient;

import io.throughline.answer.AnswerAttempt;
import io.throughline.answer.AnswerSettings;
import io.throughline.answer.CalibrationSettings;
import io.throughline.answer.Retrieval;
import io.throughline.language.Language;
import io.throughline.knowledge.Passage;
import io.throughline.knowledge.TestDatabases;
import io.throughline.answer.Answerer;
import io.throughline.answer.IntentClassifier;
import io.throughline.answer.IntentPrediction;
import io.throughline.answer.IntentSettings;
import io.throughline.decision.AnswerFacts;
import io.throughline.decision.ConversationFacts;
import io.throughline.decision.CustomerFacts;
import io.throughline.decision.Decider;
import io.throughline.decision.Decision;
import io.throughline.decision.RulesSettings;
import io.throughline.eval.LabelledQuestion;
import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeSettings;
import io.throughline.knowledge.KnowledgeSources;

/**
 * One business put through the bot as a new conversation per question: its knowledge ingested into a fresh in-memory H2
 * by the app's own migrations, the intent classifier on its own examples (none: every message is out of its intents),
 * the answerer calibrated on the business's own content only, and the real rules of {@code rules/}; and the bare cosine
 * search over the same stored chunks.
 */
final class BusinessRun implements AutoCloseable {

    /** What the self-calibrated confidence says of a question (its log-odds), and whether answering would be right. */
    record Observation(double selfLogit, boolean right) {
    }

    private final Business business;
    private final Embeddings embeddings;
    private final KnowledgeBase knowledge;
    private final IntentClassifier classifier;
    private final Decider decider;
    private final List<BareCosineSearch.Hit> bare = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private List<FirstReply> replies = List.of();
    private long answerNanos;

    private BusinessRun(Business business, Embeddings embeddings, KnowledgeBase knowledge, IntentClassifier classifier,
                        Decider decider) {
        this.business = business;
        this.embeddings = embeddings;
        this.knowledge = knowledge;
        this.classifier = classifier;
        this.decider = decider;
    }

    /** Ingests the business's knowledge and asks every question once with the uncorrected self-calibration. */
    static BusinessRun open(Business business, Embeddings embeddings, Path rules) {
        JdbcClient jdbc = TestDatabases.freshH2();
        KnowledgeBase knowledge = new KnowledgeBase(KnowledgeSettings.of(business.knowledge()), embeddings,
                new KnowledgeSources(jdbc));
        knowledge.ingest();
        IntentClassifier classifier = new IntentClassifier(KnowledgeSettings.of(business.knowledge()), embeddings,
                IntentSettings.defaults());
        BusinessRun run = new BusinessRun(business, embeddings, knowledge, classifier, new Decider(new RulesSettings(rules)));
        BareCosineSearch bareSearch = bareSearch(jdbc);
        Answerer uncorrected = new Answerer(knowledge, embeddings, AnswerSettings.defaults(),
                CalibrationSettings.defaults().withCorrection(1, 0), null);
        for (LabelledQuestion question : business.questions()) {
            run.bare.add(bareSearch.best(embeddings.embed(question.question())));
            List<Passage> top = knowledge.search(Retrieval.query(question.question()), 1);
            boolean right = question.inScope() && !top.isEmpty() && top.get(0).source().equals(question.expectedSource());
            run.observations.add(new Observation(
                    uncorrected.confidenceModel().logit(uncorrected.evidence(question.question())), right));
        }
        return run;
    }

    /** Every question as the first message of a conversation, with this calibration. */
    void reply(CalibrationSettings calibration) {
        Answerer answerer = new Answerer(knowledge, embeddings, AnswerSettings.defaults(), calibration, null);
        List<FirstReply> replies = new ArrayList<>();
        answerNanos = 0;
        for (LabelledQuestion question : business.questions()) {
            long start = System.nanoTime();
            replies.add(firstReply(question, classifier, answerer, decider));
            answerNanos += System.nanoTime() - start;
        }
        this.replies = replies;
    }

    @Override
    public void close() {
        try {
            knowledge.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static FirstReply firstReply(LabelledQuestion question, IntentClassifier classifier, Answerer answerer,
                                         Decider decider) {
        String text = question.question();
        IntentPrediction intent = classifier.classify(text);
        AnswerAttempt attempt = answerer.answer(text);
        var facts = ConversationFacts.builder().conversationId("eval").channel("webchat")
                .language(Language.of(text, Language.EN).code())
                .intent(intent.intent(), intent.score()).customerMessages(1).text(text).customerText(text);
        if (intent.outOfScope()) {
            facts.outOfScope();
        }
        AnswerFacts answer = new AnswerFacts(attempt.found(), attempt.confidence(), attempt.citations().size(),
                attempt.blockedBecause(), attempt.found() ? attempt.text().length() : 0);
        Decision decision = decider.decide(facts.build(), new CustomerFacts("eval", null, java.util.Map.of()), answer);
        String firstSource = attempt.found() && !attempt.citations().isEmpty() ? attempt.citations().get(0).source() : null;
        // the bot's own words follow the language detected in the question, as the journey's intent step detects it
        String language = Language.of(text, Language.EN).code();
        return new FirstReply(question, decision.getAction(), firstSource, attempt.confidence(), language);
    }

    private static BareCosineSearch bareSearch(JdbcClient jdbc) {
        List<String> sources = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        jdbc.sql("select s.path, c.embedding from knowledge_chunks c join knowledge_sources s on s.id = c.source_id")
                .query(rs -> {
                    sources.add(rs.getString(1));
                    byte[] bytes = rs.getBytes(2);
                    float[] vector = new float[bytes.length / Float.BYTES];
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
                    vectors.add(vector);
                });
        return new BareCosineSearch(sources, vectors);
    }

    Business business() {
        return business;
    }

    List<FirstReply> replies() {
        return replies;
    }

    List<BareCosineSearch.Hit> bare() {
        return bare;
    }

    List<Observation> observations() {
        return observations;
    }

    double msPerQuestion() {
        return replies.isEmpty() ? 0 : answerNanos / 1e6 / replies.size();
    }
}
