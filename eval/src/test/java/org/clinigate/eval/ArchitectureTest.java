package org.clinigate.eval;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The harness exercises the gateway's modules; it never reaches into the server, the store or the command line. */
@AnalyzeClasses(packages = "org.clinigate.eval", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule harness_depends_only_on_library_modules = noClasses().that().resideInAPackage(
            "org.clinigate.eval..").should().dependOnClassesThat().resideInAnyPackage("org.clinigate.server..",
                    "org.clinigate.store..", "org.clinigate.cli..", "org.clinigate.tuning..");

    @ArchTest
    static final ArchRule suites_and_metrics_know_nothing_of_transport = noClasses().that().resideInAnyPackage(
            "org.clinigate.eval.suite..", "org.clinigate.eval.metrics..", "org.clinigate.eval.grade..").should()
            .dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..");
}
