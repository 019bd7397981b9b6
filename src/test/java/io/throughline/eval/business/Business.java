package io.throughline.eval.business;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.throughline.eval.LabelledQuestion;
import io.throughline.eval.LabelledQuestions;

/**
 * One business of the evaluation: its knowledge folder and the questions its customers ask, labelled with the source that
 * answers each (none for what the business does not cover) and the language it is written in.
 */
record Business(String name, Path knowledge, List<LabelledQuestion> questions) {

    /**
     * The labelled businesses: the demo (the {@code knowledge/} folder and {@code knowledge/eval/questions.csv}, plus its
     * non-English questions in {@code eval/businesses/coffee/questions.csv}) and every folder of
     * {@code eval/businesses/} with a {@code knowledge/} folder and a {@code questions.csv}.
     */
    static List<Business> labelled(Path project) {
        List<Business> businesses = new ArrayList<>();
        List<LabelledQuestion> demo = new ArrayList<>(read(project.resolve("knowledge/eval/questions.csv")));
        Path demoExtra = project.resolve("eval/businesses/coffee/questions.csv");
        if (Files.isRegularFile(demoExtra)) {
            demo.addAll(read(demoExtra));
        }
        businesses.add(new Business("coffee", project.resolve("knowledge"), demo));
        businesses.addAll(folders(project.resolve("eval/businesses")));
        return businesses;
    }

    /** The businesses kept for one final measurement ({@code eval/final/}). */
    static List<Business> finalOnes(Path project) {
        return folders(project.resolve("eval/final"));
    }

    private static List<Business> folders(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(dir -> Files.isDirectory(dir.resolve("knowledge"))
                            && Files.isRegularFile(dir.resolve("questions.csv")))
                    .sorted()
                    .map(dir -> new Business(dir.getFileName().toString(), dir.resolve("knowledge"),
                            read(dir.resolve("questions.csv"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledQuestion> read(Path file) {
        try {
            return LabelledQuestions.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
