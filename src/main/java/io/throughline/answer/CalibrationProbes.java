package io.throughline.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.throughline.knowledge.SectionHeading;

/**
 * The questions a knowledge base is calibrated with, none of them written by a person for it: its own section headings
 * (an FAQ's headings are its questions), each asked once with its source in the knowledge (an answer from that source is
 * right) and once with that source taken away (a near-miss: a question of the same business that nothing else covers),
 * and general questions that no business's content answers, shipped in {@code off-topic.txt}.
 */
final class CalibrationProbes {

    /** A heading's words, shorter than this, say too little on their own: the page's title goes before them. */
    private static final int MIN_WORDS = 3;

    private CalibrationProbes() {
    }

    /** A question the content implies, and the source that answers it. */
    record Probe(String question, String source) {
    }

    /**
     * At most {@code max} headings, spread evenly over all of them (the order is the sources' paths, so the same content
     * always gives the same probes).
     */
    static List<Probe> fromHeadings(List<SectionHeading> headings, int max) {
        List<SectionHeading> sorted = headings.stream()
                .sorted(Comparator.comparing(SectionHeading::source).thenComparing(SectionHeading::section))
                .toList();
        List<Probe> probes = new ArrayList<>();
        double step = Math.max(1, (double) sorted.size() / max);
        for (double i = 0; i < sorted.size() && probes.size() < max; i += step) {
            SectionHeading heading = sorted.get((int) i);
            probes.add(new Probe(question(heading), heading.source()));
        }
        return probes;
    }

    static String question(SectionHeading heading) {
        String section = heading.section().strip();
        boolean tooShort = section.split("\\s+").length < MIN_WORDS;
        return tooShort && heading.title() != null && !heading.title().equalsIgnoreCase(section)
                ? heading.title() + ": " + section
                : section;
    }

    static List<String> offTopic() {
        try (InputStream in = CalibrationProbes.class.getResourceAsStream("off-topic.txt")) {
            if (in == null) {
                throw new IllegalStateException("off-topic.txt is missing from the jar");
            }
            List<String> questions = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(questions::add);
            return questions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
