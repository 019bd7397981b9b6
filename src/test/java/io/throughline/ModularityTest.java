package io.throughline;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries DESIGN.md draws: frameworks stay in the module that owns them, dependencies point one way
 * ({@code channel -> conversation -> customer}, {@code knowledge} below {@code answer}, {@code journey} on top), and no
 * cycle between modules. {@code eval} is offline evaluation: it reads {@code answer} and {@code knowledge}, and the replay
 * drives {@code conversation}, {@code customer} and the journey's public probe ({@code JourneyProbe}, {@code AgentTasks})
 * inside a sandbox of its own; nothing depends on it but the application's command dispatch. Nothing depends on
 * {@code insights} either, which reads the journeys only through {@code JourneySteps} (and the embeddings of
 * {@code knowledge}, to group unanswered questions).
 */
class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.throughline");

    @Test
    void camundaIsImportedOnlyInJourney() {
        noClasses().that().resideOutsideOfPackage("io.throughline.journey..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .check(CLASSES);
    }

    @Test
    void droolsIsImportedOnlyInDecision() {
        noClasses().that().resideOutsideOfPackage("io.throughline.decision..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(CLASSES);
    }

    @Test
    void langChain4jIsImportedOnlyInKnowledgeAndAnswer() {
        noClasses().that().resideOutsideOfPackages("io.throughline.knowledge..", "io.throughline.answer..")
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
                .check(CLASSES);
    }

    @Test
    void luceneIsImportedOnlyInKnowledgeAndNotByItsWebLayer() {
        noClasses().that().resideOutsideOfPackage("io.throughline.knowledge")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(CLASSES);
    }

    /** PostgreSQL's own API (LISTEN/NOTIFY) is web chat's fan-out plumbing; everything else speaks plain JDBC. */
    @Test
    void pgjdbcIsImportedOnlyByWebChat() {
        noClasses().that().resideOutsideOfPackage("io.throughline.channel.webchat")
                .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
                .check(CLASSES);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("io.throughline.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void customerKnowsNoOtherModule() {
        noClasses().that().resideInAPackage("io.throughline.customer..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesExcept("customer"))
                .check(CLASSES);
    }

    @Test
    void conversationKnowsOnlyCustomer() {
        noClasses().that().resideInAPackage("io.throughline.conversation..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesExcept("conversation", "customer"))
                .check(CLASSES);
    }

    @Test
    void channelsSendAndReceiveButNeverDriveTheJourney() {
        noClasses().that().resideInAPackage("io.throughline.channel..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesExcept("channel", "conversation", "customer"))
                .check(CLASSES);
    }

    @Test
    void knowledgeSitsBelowAnswerAndKnowsNoConversation() {
        noClasses().that().resideInAPackage("io.throughline.knowledge..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesExcept("knowledge"))
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.throughline.answer..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesExcept("answer", "knowledge"))
                .check(CLASSES);
    }

    @Test
    void nothingButTheApplicationTheReplayAndInsightsDependsOnJourney() {
        noClasses().that().resideOutsideOfPackages("io.throughline.journey..", "io.throughline.eval..", "io.throughline.insights..")
                .and().doNotHaveSimpleName("ThroughlineApplication")
                .should().dependOnClassesThat().resideInAPackage("io.throughline.journey..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.throughline.eval..")
                .should().dependOnClassesThat(resideInAPackage("io.throughline.journey..")
                        .and(not(simpleName("JourneyProbe").or(simpleName("AgentTasks")))))
                .because("the replay may look at journeys only through their public probe")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.throughline.insights..")
                .should().dependOnClassesThat(resideInAPackage("io.throughline.journey..")
                        .and(not(nameStartingWith("io.throughline.journey.JourneySteps"))))
                .because("insights reads the journeys' history only through the read-only JourneySteps")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnInsights() {
        noClasses().that().resideOutsideOfPackage("io.throughline.insights..")
                .should().dependOnClassesThat().resideInAPackage("io.throughline.insights..")
                .check(CLASSES);
    }

    @Test
    void evalIsOfflineAndNothingDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.throughline.eval..")
                .and().doNotHaveSimpleName("ThroughlineApplication")
                .should().dependOnClassesThat().resideInAPackage("io.throughline.eval..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.throughline.eval..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        modulesExcept("eval", "answer", "knowledge", "conversation", "customer", "journey"))
                .check(CLASSES);
    }

    @Test
    void onlyTheErasureDeletesTheEnginesHistory() {
        noClasses().that().doNotHaveFullyQualifiedName("io.throughline.journey.JourneyErasure")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                        "org.camunda.bpm.engine.HistoryService")))
                        .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith(
                                        "deleteHistoric"))))
                .because("history is the agents' and auditors' record: it goes only when a customer or a conversation is "
                        + "erased (see customer.privacy)")
                .check(CLASSES);
    }

    @Test
    void bookingKnowsOnlyConversationAndCustomer() {
        noClasses().that().resideInAPackage("io.throughline.booking..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesExcept("booking", "conversation", "customer"))
                .check(CLASSES);
    }

    /** Shared plumbing, security included, serves every module and knows none: a module plugs in (SessionLogin). */
    @Test
    void webKnowsNoModule() {
        noClasses().that().resideInAPackage("io.throughline.web..")
                .should().dependOnClassesThat().resideInAnyPackage(modulesExcept())
                .check(CLASSES);
    }

    /**
     * The words of the languages the bot serves are read by modules that may not know each other (conversation, booking,
     * answer): plain Java that knows no module and no framework.
     */
    @Test
    void languageKnowsNothingButJava() {
        classes().that().resideInAPackage("io.throughline.language..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.throughline.language..",
                        "com.optimaize.langdetect..")
                .check(CLASSES);
    }

    private static final String[] MODULES = {"customer", "conversation", "channel", "journey", "decision", "knowledge",
            "answer", "handoff", "insights", "eval", "booking"};

    /** The packages of every module but the given ones ({@code web}, shared plumbing, is open to all). */
    private static String[] modulesExcept(String... allowed) {
        var allowedList = java.util.List.of(allowed);
        return java.util.Arrays.stream(MODULES).filter(m -> !allowedList.contains(m))
                .map(m -> "io.throughline." + m + "..").toArray(String[]::new);
    }
}
