package io.throughline.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

/** The rules of one rules directory, compiled once; hands out a fresh session per evaluation. */
final class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);
    private static final String RESOURCES = "src/main/resources/";

    private final KieBase kieBase;

    private RuleBook(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    static RuleBook load(Path dir) {
        List<Path> files = ruleFiles(dir);
        KieServices kie = KieServices.Factory.get();
        // a release id of its own, so two rule books in one JVM never share a module in the Kie repository
        ReleaseId releaseId = kie.newReleaseId("io.throughline", "rules-" + UUID.randomUUID(), "1");
        KieFileSystem kfs = kie.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, Path> filesByKiePath = new LinkedHashMap<>();
        for (Path file : files) {
            String kiePath = RESOURCES + "rules/" + file.getFileName();
            kfs.write(kiePath, read(file));
            filesByKiePath.put(kiePath, file);
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        List<String> problems = errors.stream()
                .filter(message -> message.getLine() > 0 || !hasLocatedSibling(message, errors))
                .map(message -> describe(message, filesByKiePath, dir))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        long ruleCount = kieBase.getKiePackages().stream().mapToLong(pkg -> pkg.getRules().size()).sum();
        log.info("Loaded {} rules from {}", ruleCount, files);
        return new RuleBook(kieBase);
    }

    /** The caller closes it: one session per evaluation. */
    KieSession newSession() {
        return kieBase.newKieSession();
    }

    private static List<Path> ruleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRulesException(List.of(dir + ": rules directory not found (absolute: "
                    + dir.toAbsolutePath() + "); put the escalation and routing rules there as *.drl files,"
                    + " or point the setting throughline.rules.dir at the folder that holds them"));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = entries.filter(path -> path.getFileName().toString().endsWith(".drl"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new InvalidRulesException(List.of(dir + ": no *.drl files in the rules directory (absolute: "
                        + dir.toAbsolutePath() + "); put the escalation and routing rules there as *.drl files"));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the rules directory " + dir, e);
        }
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

    private static String describe(Message message, Map<String, Path> filesByKiePath, Path dir) {
        String file = String.valueOf(locate(message.getPath(), filesByKiePath, dir));
        return file + ":" + message.getLine() + ":" + message.getColumn() + ": " + message.getText().strip();
    }

    private static Path locate(String messagePath, Map<String, Path> filesByKiePath, Path dir) {
        if (messagePath == null) {
            return dir;
        }
        return filesByKiePath.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(messagePath) || messagePath.endsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(dir.resolve(messagePath));
    }
}
