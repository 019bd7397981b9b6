package io.throughline.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of one rules directory ({@code *.drl} files and spreadsheet decision tables: {@code *.xlsx}, {@code *.xls},
 * {@code *.csv}), compiled once; hands out a fresh session per evaluation.
 */
final class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);
    private static final String RESOURCES = "src/main/resources/";

    private final KieBase kieBase;
    private final long ruleCount;

    private RuleBook(KieBase kieBase, long ruleCount) {
        this.kieBase = kieBase;
        this.ruleCount = ruleCount;
    }

    /** Compiles every rule file of {@code dir}; any problem is an {@link InvalidRulesException} listing them all. */
    static RuleBook load(Path dir) {
        List<Path> files = ruleFiles(dir);
        KieServices kie = KieServices.Factory.get();
        // a release id of its own, so two rule books in one JVM never share a module in the Kie repository
        ReleaseId releaseId = kie.newReleaseId("io.throughline", "rules-" + UUID.randomUUID(), "1");
        KieFileSystem kfs = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, Path> drlByKiePath = new LinkedHashMap<>();
        Map<String, DecisionTable> tableByKiePath = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String kiePath = RESOURCES + "rules/" + file.getFileName() + (DecisionTable.isTable(file) ? ".drl" : "");
            if (DecisionTable.isTable(file)) {
                try {
                    DecisionTable table = DecisionTable.compile(file);
                    kfs.write(kiePath, table.drl().getBytes(StandardCharsets.UTF_8));
                    tableByKiePath.put(kiePath, table);
                } catch (InvalidRulesException e) {
                    problems.addAll(e.getProblems());
                }
            } else {
                kfs.write(kiePath, read(file));
                drlByKiePath.put(kiePath, file);
            }
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        errors.stream()
                .filter(message -> message.getLine() > 0 || !hasLocatedSibling(message, errors))
                .map(message -> describe(message, drlByKiePath, tableByKiePath, dir))
                .distinct()
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new InvalidRulesException(problems);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        // the container keeps what it needs; the repository would keep every reloaded rule book for good
        kie.getRepository().removeKieModule(releaseId);
        long ruleCount = kieBase.getKiePackages().stream().mapToLong(pkg -> pkg.getRules().size()).sum();
        log.info("Loaded {} rules from {}", ruleCount, files);
        return new RuleBook(kieBase, ruleCount);
    }

    /** The caller closes it: one session per evaluation. */
    KieSession newSession() {
        return kieBase.newKieSession();
    }

    long ruleCount() {
        return ruleCount;
    }

    /** The files of {@code dir} that hold rules; editors' lock files ({@code ~$x.xlsx}, {@code .~lock...}) excluded. */
    static List<Path> ruleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRulesException(List.of(dir + ": rules directory not found (absolute: "
                    + dir.toAbsolutePath() + "); put the escalation and routing rules there as *.drl files or"
                    + " decision tables (*.xlsx, *.csv), or point the setting throughline.rules.dir at the folder that"
                    + " holds them"));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = entries.filter(RuleBook::isRuleFile).filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw new InvalidRulesException(List.of(dir + ": no *.drl files or decision tables (*.xlsx, *.csv) in"
                        + " the rules directory (absolute: " + dir.toAbsolutePath() + "); put the escalation and"
                        + " routing rules there"));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the rules directory " + dir, e);
        }
    }

    static boolean isRuleFile(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith("~$") && !name.startsWith(".")
                && (name.toLowerCase(Locale.ROOT).endsWith(".drl") || DecisionTable.isTable(path));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule file " + file, e);
        }
    }

    /** The parser follows a syntax error with "null package" at line 0: noise next to the real message. */
    private static boolean hasLocatedSibling(Message message, List<Message> errors) {
        return errors.stream().anyMatch(other -> other.getLine() > 0
                && Objects.equals(other.getPath(), message.getPath()));
    }

    private static String describe(Message message, Map<String, Path> drlByKiePath,
                                   Map<String, DecisionTable> tableByKiePath, Path dir) {
        DecisionTable table = find(message.getPath(), tableByKiePath);
        if (table != null) {
            int line = message.getLine() > 0 ? message.getLine() : MessageLines.lineOf(table.drl(), message.getText());
            return table.describe(line, message.getText());
        }
        Path file = message.getPath() == null ? dir
                : Objects.requireNonNullElse(find(message.getPath(), drlByKiePath), dir.resolve(message.getPath()));
        int line = message.getLine();
        if (line <= 0 && Files.isRegularFile(file)) {
            line = MessageLines.lineOf(new String(read(file), StandardCharsets.UTF_8), message.getText());
        }
        return file + ":" + line + ":" + MessageLines.columnOf(message.getText(), line, message.getColumn()) + ": "
                + MessageLines.oneLine(message.getText());
    }

    private static <T> T find(String messagePath, Map<String, T> byKiePath) {
        if (messagePath == null) {
            return null;
        }
        return byKiePath.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(messagePath) || messagePath.endsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
