package org.clinigate.inference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Arrows point toward core; each backend is a feature package that does not know the other. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.clinigate");

    @Test
    void inference_depends_on_core_only() {
        noClasses().that().resideInAPackage("org.clinigate.inference..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.deid..", "org.clinigate.cli..", "org.clinigate.synth..",
                        "org.clinigate.server..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void core_knows_no_backend_library() {
        noClasses().that().resideInAPackage("org.clinigate.core..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.inference..", "de.kherud..", "io.github.resilience4j..",
                        "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void the_two_backends_are_independent() {
        noClasses().that().resideInAPackage("..inference.openai..").should().dependOnClassesThat()
                .resideInAPackage("..inference.llama..").check(CLASSES);
        noClasses().that().resideInAPackage("..inference.llama..").should().dependOnClassesThat()
                .resideInAnyPackage("..inference.openai..", "io.github.resilience4j..", "java.net.http..")
                .check(CLASSES);
    }

    @Test
    void only_the_llama_package_touches_the_native_binding() {
        noClasses().that().resideOutsideOfPackage("..inference.llama..").should()
                .dependOnClassesThat().resideInAPackage("de.kherud..").check(CLASSES);
    }
}
