package io.throughline.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.throughline.knowledge.Calibration;
import io.throughline.knowledge.KnowledgeBase;
import io.throughline.knowledge.KnowledgeCalibrations;
import io.throughline.knowledge.KnowledgeSettings;

/**
 * The confidence curve for the knowledge as it is now: calibrated once per version of the content (right after the index
 * is rebuilt, so no customer waits for it), stored, and reused while the content and the business's labelled questions
 * ({@code <knowledge dir>/eval/questions.csv}, if any) stay the same. The first node of a cluster to calibrate stores
 * the curve; the others find it, and would have fitted the same one anyway.
 */
@Component
public class ConfidenceCalibrations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ConfidenceCalibrations.class);

    private final KnowledgeBase knowledgeBase;
    private final ConfidenceCalibrator calibrator;
    private final KnowledgeCalibrations store;
    private final Path labelledQuestions;
    private volatile Calibration current;
    private volatile ConfidenceModel model = ConfidenceModel.prior();

    @Autowired
    public ConfidenceCalibrations(KnowledgeBase knowledgeBase, Retrieval retrieval, CalibrationSettings settings,
                                  KnowledgeCalibrations store, KnowledgeSettings knowledge) {
        this(knowledgeBase, retrieval, settings, store, labelledQuestions(knowledge.dir()));
    }

    private ConfidenceCalibrations(KnowledgeBase knowledgeBase, Retrieval retrieval, CalibrationSettings settings,
                                   KnowledgeCalibrations store, Path labelledQuestions) {
        this.knowledgeBase = knowledgeBase;
        this.calibrator = new ConfidenceCalibrator(retrieval, settings);
        this.store = store;
        this.labelledQuestions = labelledQuestions;
        knowledgeBase.whenChanged(version -> model());
    }

    /**
     * Nothing stored: for evaluations and tests.
     *
     * @param labelledQuestions the business's labelled questions, or null to calibrate on the content alone
     */
    public static ConfidenceCalibrations inMemory(KnowledgeBase knowledgeBase, CalibrationSettings settings,
                                                  Path labelledQuestions) {
        return new ConfidenceCalibrations(knowledgeBase, new Retrieval(knowledgeBase), settings, null, labelledQuestions);
    }

    /** Where a business keeps its labelled questions: {@code eval/questions.csv} in its knowledge folder. */
    public static Path labelledQuestions(Path knowledgeDir) {
        return knowledgeDir.resolve("eval").resolve("questions.csv");
    }

    /** Calibrates at start-up when the index was already up to date (so no rebuild told us): no customer waits for it. */
    @Override
    public void afterSingletonsInstantiated() {
        model();
    }

    /** The curve for the knowledge's current version (the shipped prior while nothing is ingested). */
    public ConfidenceModel model() {
        String version = knowledgeBase.version();
        Calibration known = current;
        if (version == null) {
            return ConfidenceModel.prior();
        }
        if (known != null && known.fingerprint().equals(key(version))) {
            return model;
        }
        return calibrate(version);
    }

    /** What the curve in use was fitted on and how, or null before the first ingestion. */
    public Calibration current() {
        model();
        return current;
    }

    private synchronized ConfidenceModel calibrate(String version) {
        String key = key(version);
        if (current != null && current.fingerprint().equals(key)) {
            return model;
        }
        Calibration calibration = store == null ? null : store.find(key).orElse(null);
        if (calibration == null) {
            log.info("Calibrating the answer confidence on the knowledge ({} section headings)...",
                    knowledgeBase.headings().size());
            calibration = calibrator.calibrate(key, knowledgeBase.headings(), labelled());
            if (store != null) {
                store.save(calibration);
            }
            log.info("Answer confidence calibrated in {} ms ({}): {}", calibration.millis(), calibration.method(),
                    calibration.summary());
        } else {
            log.info("Answer confidence: the calibration stored for this content is used ({}): {}", calibration.method(),
                    calibration.summary());
        }
        if (calibration.method().equals("prior")) {
            log.warn("The knowledge is too small to calibrate the answer confidence on: the shipped curve is used. Add "
                    + "help articles with headings and it calibrates itself.");
        }
        model = ConfidenceModel.of(calibration);
        current = calibration;
        if (store != null) {
            store.use(calibration);
        }
        return model;
    }

    /** The content's version and the labelled questions it was calibrated with. */
    private String key(String version) {
        String labelled = labelledText();
        return labelled.isEmpty() ? version : sha256(version + "\n" + labelled);
    }

    private List<ConfidenceCalibrator.LabelledProbe> labelled() {
        String text = labelledText();
        List<ConfidenceCalibrator.LabelledProbe> probes = new ArrayList<>();
        if (text.isEmpty()) {
            return probes;
        }
        List<List<String>> rows = CsvRows.parse(text);
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() >= 2 && !row.get(0).isBlank()) {
                probes.add(new ConfidenceCalibrator.LabelledProbe(row.get(0).strip(),
                        row.get(1).isBlank() ? null : row.get(1).strip()));
            }
        }
        return probes;
    }

    private String labelledText() {
        if (labelledQuestions == null || !Files.isRegularFile(labelledQuestions)) {
            return "";
        }
        try {
            return Files.readString(labelledQuestions, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the labelled questions " + labelledQuestions, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
