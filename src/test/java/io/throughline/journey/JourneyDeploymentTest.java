package io.throughline.journey;

import static io.throughline.journey.JourneyFolders.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploying processes/ and forms/ from disk: start-up, unchanged files, changes, and files that do not validate. */
class JourneyDeploymentTest {

    @TempDir
    Path dir;

    private static final ProcessEngine engine = TestEngines.inMemory();
    private static final RepositoryService repository = engine.getRepositoryService();
    private JourneyFolders folders;

    @BeforeEach
    void folders() {
        folders = JourneyFolders.copyInto(dir);
    }

    @AfterEach
    void undeploy() {
        TestEngines.undeployAll(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void startUpDeploysEveryJourneyWithItsFormsAndTheWakeUp() {
        new JourneyDeployment(repository, folders.settings());

        var deployment = repository.createDeploymentQuery().singleResult();
        var expected = new java.util.ArrayList<>(JourneyFolders.bpmnFiles(folders.processes()).stream()
                .map(file -> file.getFileName().toString()).toList());
        expected.addAll(java.util.List.of("handoff.form", "wake-up.bpmn"));
        assertThat(repository.getDeploymentResourceNames(deployment.getId())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void unchangedFilesMakeNoNewDeployment() {
        JourneyDeployment journeys = new JourneyDeployment(repository, folders.settings());

        assertThat(journeys.deploy()).isEmpty();

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
    }

    @Test
    void aChangedProcessIsDeployedTogetherWithTheFormsItsTasksOpen() {
        JourneyDeployment journeys = new JourneyDeployment(repository, folders.settings());
        edit(folders.generalSupport(), "name=\"Classify intent\"", "name=\"Classify the intent\"");

        assertThat(journeys.deploy()).isEmpty();

        var latest = repository.createProcessDefinitionQuery().processDefinitionKey(GeneralSupport.KEY)
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(repository.getDeploymentResourceNames(latest.getDeploymentId()))
                .as("camunda-forms:deployment: finds a form only in its own deployment").contains("handoff.form");
    }

    @Test
    void aProcessTheEngineCannotParseStopsStartUpWithFileLineAndElement() throws Exception {
        edit(folders.generalSupport(), "targetRef=\"Task_FindAnswer\"", "targetRef=\"Task_Nowhere\"");

        assertThatThrownBy(() -> new JourneyDeployment(repository, folders.settings()))
                .isInstanceOf(InvalidJourneyException.class)
                .hasMessageContaining(folders.generalSupport() + ":" + lineOf(folders.generalSupport(), "Task_Nowhere"))
                .hasMessageContaining("Task_Nowhere");
    }

    @Test
    void aBrokenExpressionIsNamedWithItsLine() throws Exception {
        edit(folders.generalSupport(), "${action == 'ANSWER'}", "${action == 'ANSWER'");

        JourneyDeployment journeys = new JourneyDeployment(repository, folders.settings(), false);

        assertThat(journeys.deploy()).singleElement().asString()
                .startsWith(folders.generalSupport() + ":" + lineOf(folders.generalSupport(), "'ANSWER'<") + ":");
    }

    @Test
    void aBrokenChangeLeavesTheRunningVersionInPlace() {
        JourneyDeployment journeys = new JourneyDeployment(repository, folders.settings());
        edit(folders.generalSupport(), "targetRef=\"Task_FindAnswer\"", "targetRef=\"Task_Nowhere\"");

        assertThat(journeys.deploy()).isNotEmpty();

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(GeneralSupport.KEY).count()).isEqualTo(1);
    }

    @Test
    void aBrokenFormStopsTheDeploymentWithFileAndLine() {
        edit(folders.handoffForm(), "\"type\": \"textarea\",\n      \"key\": \"customer\"", "\"type\": \"textbox\",\n      \"key\": \"customer\"");

        assertThatThrownBy(() -> new JourneyDeployment(repository, folders.settings()))
                .isInstanceOf(InvalidJourneyException.class)
                .hasMessageContaining(folders.handoffForm() + ":")
                .hasMessageContaining("unknown type \"textbox\"");
        assertThat(repository.createDeploymentQuery().count()).isZero();
    }

    @Test
    void aMissingFormIsNamedAtTheLineThatRefersToIt() throws Exception {
        Files.delete(folders.handoffForm());

        assertThatThrownBy(() -> new JourneyDeployment(repository, folders.settings()))
                .isInstanceOf(InvalidJourneyException.class)
                .hasMessageContaining(folders.generalSupport() + ":" + lineOf(folders.generalSupport(), "handoff.form"))
                .hasMessageContaining("the form handoff.form is not in " + folders.forms());
    }

    @Test
    void noJourneysIsAClearProblem() throws Exception {
        for (Path journey : JourneyFolders.bpmnFiles(folders.processes())) {
            Files.delete(journey);
        }

        assertThat(new JourneyDeployment(repository, folders.settings(), false).deploy()).singleElement().asString()
                .contains("no journeys to deploy");
    }

    static int lineOf(Path file, String text) throws java.io.IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
