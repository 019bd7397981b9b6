package io.throughline.journey;

import static io.throughline.journey.JourneyFolders.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.throughline.decision.Action;
import io.throughline.decision.AnswerFacts;
import io.throughline.decision.ConversationFacts;
import io.throughline.decision.CustomerFacts;
import io.throughline.decision.Decider;
import io.throughline.decision.RulesSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CX designer's change while the application runs, with the real rule book and the real deployment on a copy of
 * rules/, processes/ and forms/: valid changes are put in force, invalid ones are reported with file and line and the
 * running version stays.
 */
class LiveReloadTest {

    private static final ProcessEngine engine = TestEngines.inMemory();
    private static final RepositoryService repository = engine.getRepositoryService();
    private static final ConversationFacts PARTIAL_MATCH_QUESTION = ConversationFacts.builder().conversationId("c-1")
            .intent("shipping", 0.9).text("a question").build();
    private static final CustomerFacts CUSTOMER = new CustomerFacts("cu-1", "basic", Map.of());
    private static final AnswerFacts HALF_SURE = new AnswerFacts(true, 0.5, 2);

    @TempDir
    Path dir;

    private JourneyFolders folders;
    private Decider decider;
    private LiveReload reload;

    @BeforeEach
    void running() {
        folders = JourneyFolders.copyInto(dir);
        decider = new Decider(new RulesSettings(folders.rules()));
        reload = new LiveReload(decider, new JourneyDeployment(repository, folders.settings()),
                new ReloadSettings(true, Duration.ofMillis(100)));
    }

    @AfterEach
    void undeploy() {
        reload.stop();
        TestEngines.undeployAll(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void nothingChangedNothingHappens() {
        assertThat(reload.look()).isEmpty();
        assertThat(reload.look()).isEmpty();
    }

    @Test
    void aChangedRuleIsInForceOnceItHasSettled() {
        assertThat(decide()).isEqualTo(Action.ESCALATE);
        lowerTheAnswerThreshold();

        assertThat(reload.look()).as("first look: the save may be under way").isEmpty();
        List<LiveReload.Reloaded> done = reload.look();

        assertThat(done).singleElement().satisfies(reloaded -> {
            assertThat(reloaded.what()).isEqualTo("rules");
            assertThat(reloaded.applied()).isTrue();
            assertThat(reloaded.changed()).containsExactly(folders.rules().resolve("escalation.drl"));
        });
        assertThat(decide()).isEqualTo(Action.ANSWER);
    }

    @Test
    void aBrokenRuleIsReportedWithFileAndLineAndTheRunningRulesStay() throws Exception {
        Path escalation = folders.rules().resolve("escalation.drl");
        edit(escalation, "confidence >= 0.55 )", "confidence >= )");

        reload.look();
        List<LiveReload.Reloaded> done = reload.look();

        assertThat(done).singleElement().satisfies(reloaded -> {
            assertThat(reloaded.applied()).isFalse();
            assertThat(reloaded.problems()).anySatisfy(problem -> assertThat(problem)
                    .startsWith(escalation + ":" + JourneyDeploymentTest.lineOf(escalation, "confidence >= )") + ":"));
        });
        assertThat(decide()).as("the rules in force before").isEqualTo(Action.ESCALATE);
        assertThat(reload.look()).as("reported once, not every look").isEmpty();
    }

    @Test
    void aFixAfterABrokenChangeIsTaken() {
        Path escalation = folders.rules().resolve("escalation.drl");
        edit(escalation, "confidence >= 0.55 )", "confidence >= )");
        reload.look();
        reload.look();

        edit(escalation, "confidence >= )", "confidence >= 0.45 )");
        reload.look();
        edit(escalation, "confidence >= 0.40, confidence < 0.55 )", "confidence >= 0.40, confidence < 0.45 )");
        reload.look();
        assertThat(reload.look()).singleElement().satisfies(reloaded -> assertThat(reloaded.applied()).isTrue());

        assertThat(decide()).isEqualTo(Action.ANSWER);
    }

    @Test
    void aChangedJourneyIsDeployedAsANewVersion() {
        edit(folders.generalSupport(), "name=\"Classify intent\"", "name=\"Classify the intent\"");

        reload.look();
        assertThat(reload.look()).singleElement().satisfies(reloaded -> {
            assertThat(reloaded.what()).isEqualTo("journeys");
            assertThat(reloaded.applied()).isTrue();
        });

        assertThat(latestVersion()).isEqualTo(2);
    }

    @Test
    void aBrokenJourneyIsReportedWithFileAndLineAndTheRunningVersionStays() throws Exception {
        edit(folders.generalSupport(), "targetRef=\"Task_FindAnswer\"", "targetRef=\"Task_Nowhere\"");

        reload.look();
        List<LiveReload.Reloaded> done = reload.look();

        assertThat(done).singleElement().satisfies(reloaded -> assertThat(reloaded.problems()).anySatisfy(problem ->
                assertThat(problem).startsWith(folders.generalSupport() + ":"
                        + JourneyDeploymentTest.lineOf(folders.generalSupport(), "Task_Nowhere") + ":")));
        assertThat(latestVersion()).isEqualTo(1);
    }

    @Test
    void aBrokenFormKeepsTheRunningJourneys() {
        edit(folders.handoffForm(), "\"key\": \"reply\"", "\"key\": \"\"");

        reload.look();
        List<LiveReload.Reloaded> done = reload.look();

        assertThat(done).singleElement().satisfies(reloaded -> assertThat(reloaded.problems()).singleElement()
                .asString().startsWith(folders.handoffForm() + ":").contains("has no \"key\""));
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
    }

    @Test
    void theRunningReloaderPicksUpAChangedRuleByItself() {
        reload.start();
        assertThat(reload.isRunning()).isTrue();

        lowerTheAnswerThreshold();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(decide()).isEqualTo(Action.ANSWER));
    }

    @Test
    void reloadIsOnByDefaultAndCanBeSwitchedOff() {
        assertThat(reload.isAutoStartup()).isTrue();
        assertThat(new LiveReload(decider, new JourneyDeployment(repository, folders.settings(), false),
                new ReloadSettings(false, Duration.ofSeconds(2))).isAutoStartup()).isFalse();
    }

    /** Answers from confidence 0.45 on instead of 0.55. */
    private void lowerTheAnswerThreshold() {
        Path escalation = folders.rules().resolve("escalation.drl");
        edit(escalation, "confidence >= 0.55 )", "confidence >= 0.45 )");
        edit(escalation, "confidence >= 0.40, confidence < 0.55 )", "confidence >= 0.40, confidence < 0.45 )");
    }

    private Action decide() {
        return decider.decide(PARTIAL_MATCH_QUESTION, CUSTOMER, HALF_SURE).getAction();
    }

    private int latestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(GeneralSupport.KEY).latestVersion()
                .singleResult().getVersion();
    }
}
