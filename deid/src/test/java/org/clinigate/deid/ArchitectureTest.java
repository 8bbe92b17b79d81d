package org.clinigate.deid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Arrows point toward core: deid is a pure library. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.clinigate");

    @Test
    void core_depends_on_nothing_of_ours() {
        noClasses().that().resideInAPackage("org.clinigate.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clinigate.deid..", "org.clinigate.cli..",
                        "org.clinigate.synth..")
                .check(CLASSES);
    }

    @Test
    void deid_never_imports_a_database_the_cli_or_the_test_corpus() {
        noClasses().that().resideInAPackage("org.clinigate.deid..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.clinigate.cli..",
                        "org.clinigate.synth..")
                .check(CLASSES);
    }

    @Test
    void detectors_are_reached_only_through_the_detector_facade() {
        noClasses().that().resideOutsideOfPackage("org.clinigate.deid.detect..")
                .should().dependOnClassesThat().haveSimpleName("NameDetector")
                .check(CLASSES);
    }
}
