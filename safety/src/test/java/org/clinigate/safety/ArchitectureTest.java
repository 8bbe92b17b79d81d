package org.clinigate.safety;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Arrows point toward core: safety is a library over core and Jackson, its feature packages one way. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(
            ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.clinigate.safety");

    @Test
    void depends_only_on_core_jackson_and_the_jdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("org.clinigate.safety..",
                "org.clinigate.core..", "com.fasterxml.jackson..", "java..").check(CLASSES);
    }

    @Test
    void medication_citation_text_and_config_know_nothing_of_rules_batch_or_the_facade() {
        noClasses().that().resideInAnyPackage("org.clinigate.safety.medication..", "org.clinigate.safety.citation..",
                "org.clinigate.safety.text..", "org.clinigate.safety.config..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.safety.rules..", "org.clinigate.safety.batch..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(SafetyRails.class.getName()).check(CLASSES);
    }

    @Test
    void the_batch_checker_runs_any_rail_and_knows_no_rules() {
        noClasses().that().resideInAPackage("org.clinigate.safety.batch..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.safety.rules..", "org.clinigate.safety.medication..",
                        "org.clinigate.safety.citation..")
                .check(CLASSES);
    }
}
