package io.throughline.journey;

import static io.throughline.journey.JourneyFolders.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar throughline.jar validate}: file:line for every problem, and an exit code scripts can use. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void theShippedJourneysRulesAndFormsAreValid() {
        int exit = validate("validate", "--processes", "processes", "--rules", "rules", "--forms", "forms");

        assertThat(exit).isZero();
        assertThat(output()).isEqualTo("valid: " + JourneyFolders.bpmnFiles(Path.of("processes")).size()
                + " BPMN in processes, 6 rule files in rules, 1 forms in forms\n");
    }

    @Test
    void everyBrokenFileIsListedWithFileAndLineAndTheExitCodeIsOne() throws Exception {
        JourneyFolders folders = JourneyFolders.copyInto(dir);
        edit(folders.generalSupport(), "targetRef=\"Task_FindAnswer\"", "targetRef=\"Task_Nowhere\"");
        edit(folders.rules().resolve("escalation.drl"), "confidence >= 0.55 )", "confidence >= )");
        edit(folders.handoffForm(), "\"key\": \"reply\"", "\"key\": \"\"");
        Files.writeString(folders.rules().resolve("queues.csv"),
                Files.readString(folders.rules().resolve("queues.csv")).replace(",ESCALATE,support,,sales,", ",ESCALATED,support,,sales,"));

        int exit = validate("--processes=" + folders.processes(), "--rules=" + folders.rules(), "--forms=" + folders.forms());

        assertThat(exit).isEqualTo(1);
        assertThat(output().lines()).anySatisfy(line -> assertThat(line).startsWith(folders.generalSupport() + ":"
                        + JourneyDeploymentTest.lineOf(folders.generalSupport(), "Task_Nowhere") + ":"))
                .anySatisfy(line -> assertThat(line).startsWith(folders.rules().resolve("escalation.drl") + ":"
                        + JourneyDeploymentTest.lineOf(folders.rules().resolve("escalation.drl"), "confidence >= )") + ":"))
                .anySatisfy(line -> assertThat(line).startsWith(folders.handoffForm() + ":")
                        .contains("has no \"key\""))
                .anySatisfy(line -> assertThat(line).startsWith(folders.rules().resolve("queues.csv")
                        + ":10: cell F10 \"ESCALATED\": "));
        assertThat(output()).endsWith("(checked " + JourneyFolders.bpmnFiles(folders.processes()).size() + " BPMN in " + folders.processes() + ", 6 rule files in " + folders.rules()
                + ", 1 forms in " + folders.forms() + ")\n").contains("\ninvalid: ");
    }

    @Test
    void missingFoldersAreProblemsToo() {
        int exit = validate("--processes", dir.resolve("p").toString(), "--rules", dir.resolve("r").toString(),
                "--forms", dir.resolve("f").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains(dir.resolve("p") + ": no journeys to deploy")
                .contains(dir.resolve("r") + ": rules directory not found");
    }

    @Test
    void aWrongArgumentIsAUsageErrorWithExitCodeTwo() {
        assertThat(validate("--rulez", "rules")).isEqualTo(2);
        assertThat(output()).contains("unknown option --rulez").contains(ValidateCommand.USAGE);
        output.reset();
        assertThat(validate("--rules")).isEqualTo(2);
        assertThat(output()).contains("--rules needs a value");
    }

    @Test
    void theDrlADecisionTableBecomesCanBeShown() {
        assertThat(validate("validate", "--drl", "rules/queues.csv")).isZero();

        assertThat(output()).contains("// rule values at A10, header at A5",
                "rule \"demo bookings go to the sales queue\"");
    }

    private int validate(String... args) {
        return ValidateCommand.run(args, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
