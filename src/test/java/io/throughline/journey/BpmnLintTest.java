package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journeys pass bpmnlint's recommended rules ({@code .bpmnlintrc}), checked by the real tool, pinned in
 * {@code tools/bpmnlint/package-lock.json}: no finding, warnings included. Needs Node.js (CI has it); without it the
 * test is skipped, loudly.
 */
class BpmnLintTest {

    private static final Path TOOL = Path.of("tools", "bpmnlint");
    private static final Path BPMNLINT = TOOL.resolve(Path.of("node_modules", "bpmnlint", "bin", "bpmnlint.js"));

    @BeforeAll
    static void nodeAndTheToolAreThere() throws Exception {
        Run node = run(List.of("node", "--version"), 30);
        if (node == null || node.exit() != 0) {
            String why = "SKIPPED: BpmnLintTest needs Node.js (node on the PATH) to run bpmnlint over processes/; "
                    + "install Node 20 or run tools/bpmnlint/lint.sh where it is";
            System.err.println("\n*** " + why + " ***\n");
            Assumptions.abort(why);
        }
        if (!Files.exists(BPMNLINT)) {
            Run install = run(List.of("npm", "ci", "--prefix", TOOL.toString(), "--no-audit", "--no-fund"), 300);
            assertThat(install).as("npm ci in tools/bpmnlint").isNotNull();
            assertThat(install.exit()).as("npm ci in tools/bpmnlint:\n" + install.output()).isZero();
        }
    }

    @Test
    void everyJourneyPassesTheRecommendedRules() throws Exception {
        List<String> command = new ArrayList<>(List.of("node", BPMNLINT.toString(), "--config", ".bpmnlintrc"));
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            files.filter(f -> f.toString().endsWith(".bpmn")).sorted().forEach(f -> command.add(f.toString()));
        }
        command.add(JourneyDeployment.WAKE_UP_RESOURCE.replace("journey/", "src/main/resources/journey/"));

        Run lint = run(command, 120);

        assertThat(lint).isNotNull();
        assertThat(lint.exit()).as("bpmnlint found:\n" + lint.output()).isZero();
        assertThat(lint.output().strip()).as("not even a warning").isEmpty();
    }

    @Test
    void theLintCatchesAnUnnamedTask() throws Exception {
        Path broken = Files.createTempFile("broken-", ".bpmn");
        try {
            Files.writeString(broken, Files.readString(Path.of("src", "main", "resources", "journey", "wake-up.bpmn"))
                    .replace(" name=\"Wake the journey\" camunda:asyncBefore", " camunda:asyncBefore"));

            Run lint = run(List.of("node", BPMNLINT.toString(), "--config", ".bpmnlintrc", broken.toString()), 120);

            assertThat(lint.exit()).isNotZero();
            assertThat(lint.output()).contains("Task_WakeJourney").contains("label-required");
        } finally {
            Files.delete(broken);
        }
    }

    record Run(int exit, String output) {}

    /** Runs the command in the project folder; null when it cannot start (not installed). */
    private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return null;
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took over " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
