package io.throughline.decision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Drools stays inside the decision module, and the module stays free of Camunda and LangChain4j. */
class DecisionBoundariesTest {

    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.throughline");

    @Test
    void onlyTheDecisionModuleUsesDrools() {
        noClasses().that().resideOutsideOfPackage("io.throughline.decision..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void decisionModuleUsesNeitherCamundaNorLangChain4j() {
        noClasses().that().resideInAPackage("io.throughline.decision..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "dev.langchain4j..")
                .check(classes);
    }
}
