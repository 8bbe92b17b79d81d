package org.clinigate.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Arrows point toward core: nothing below the server knows about HTTP or about the server. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.clinigate");

    @Test
    void core_knows_no_other_module() {
        noClasses().that().resideInAPackage("org.clinigate.core..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.deid..", "org.clinigate.inference..", "org.clinigate.server..",
                        "org.clinigate.cli..")
                .check(CLASSES);
    }

    @Test
    void libraries_never_reach_up_to_the_server_or_the_web_framework() {
        noClasses().that().resideInAnyPackage("org.clinigate.core..", "org.clinigate.deid..",
                "org.clinigate.inference..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.server..", "io.javalin..", "org.eclipse.jetty..")
                .check(CLASSES);
    }

    @Test
    void http_status_codes_are_decided_only_in_the_http_package() {
        noClasses().that().resideOutsideOfPackage("org.clinigate.server.http..").should().dependOnClassesThat()
                .haveSimpleName("ErrorMapping").check(CLASSES);
    }

    @Test
    void the_pipeline_reaches_backends_only_through_the_port() {
        noClasses().that().resideInAPackage("org.clinigate.server.http..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.inference..").check(CLASSES);
    }
}
