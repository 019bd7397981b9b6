package io.throughline.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.throughline.answer.AnswerSettings;
import io.throughline.answer.Answerer;
import io.throughline.knowledge.Embeddings;
import io.throughline.knowledge.KnowledgeBase;

/**
 * Prints how well the offline answerer does on a labelled question set:
 * {@code java -cp ... io.throughline.eval.AnswerEval [questions.csv [knowledge-dir]]}, by default
 * {@code knowledge/eval/questions.csv} over {@code knowledge}. See {@code eval/answers.sh}.
 */
public final class AnswerEval {

    private AnswerEval() {
    }

    public static void main(String[] args) throws IOException {
        // before the first logger: the ingest's info lines are enough, not every library's debug output
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/throughline/eval/logback.xml");
        }
        Path questionsFile = Path.of(args.length > 0 ? args[0] : "knowledge/eval/questions.csv");
        Path knowledgeDir = Path.of(args.length > 1 ? args[1] : "knowledge");
        if (!Files.isRegularFile(questionsFile) || !Files.isDirectory(knowledgeDir)) {
            Path missing = Files.isRegularFile(questionsFile) ? knowledgeDir : questionsFile;
            System.err.println("Usage: AnswerEval [questions.csv [knowledge-dir]]; there is no "
                    + (missing == knowledgeDir ? "knowledge folder " : "question file ") + missing.toAbsolutePath());
            System.exit(2);
        }
        List<LabelledQuestion> questions = LabelledQuestions.read(questionsFile);
        long start = System.nanoTime();
        EvalReport report = evaluate(questions, knowledgeDir, new Embeddings());
        System.out.printf("%s over %s, offline extractive answerer%n", questionsFile, knowledgeDir);
        report.print(System.out);
        System.out.printf("%d questions in %d ms%n", report.questions(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The offline answerer over a fresh ingest of the folder, put to every question. */
    public static EvalReport evaluate(List<LabelledQuestion> questions, Path knowledgeDir, Embeddings embeddings) {
        KnowledgeBase knowledgeBase = OfflineKnowledge.ingest(knowledgeDir, embeddings);
        Answerer answerer = new Answerer(knowledgeBase, embeddings, AnswerSettings.defaults());
        return new AnswerEvaluation(knowledgeBase, answerer).run(questions);
    }
}
