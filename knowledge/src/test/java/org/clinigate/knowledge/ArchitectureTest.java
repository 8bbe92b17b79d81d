package org.clinigate.knowledge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Arrows point toward core: knowledge depends on core only, and its API package on none of its features. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(
            ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.clinigate");

    @Test
    void knowledge_depends_on_no_module_but_core() {
        noClasses().that().resideInAPackage("org.clinigate.knowledge..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.server..", "org.clinigate.store..", "org.clinigate.cli..",
                        "org.clinigate.inference..", "org.clinigate.deid..", "org.clinigate.fhir..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void the_api_package_does_not_depend_on_importers_citations_or_the_bench() {
        noClasses().that().resideInAPackage("org.clinigate.knowledge").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.knowledge.ingest..", "org.clinigate.knowledge.cite..",
                        "org.clinigate.knowledge.bench..", "org.clinigate.knowledge.starter..")
                .check(CLASSES);
    }

    @Test
    void citations_do_not_touch_the_index() {
        noClasses().that().resideInAPackage("org.clinigate.knowledge.cite..").should().dependOnClassesThat()
                .haveSimpleName("KnowledgeIndex").check(CLASSES);
    }

    @Test
    void terminology_stands_apart_from_the_guideline_index() {
        // the embedders are shared: the ICD-10-CM normalizer's semantic candidates use them (ADR 0016)
        noClasses().that().resideInAPackage("org.clinigate.knowledge.terminology..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.knowledge", "org.clinigate.knowledge.ingest..",
                        "org.clinigate.knowledge.cite..", "org.clinigate.knowledge.bench..",
                        "org.clinigate.knowledge.starter..")
                .check(CLASSES);
    }

    @Test
    void terminology_uses_only_the_embedders_not_the_vector_index() {
        noClasses().that().resideInAPackage("org.clinigate.knowledge.terminology..").should().dependOnClassesThat()
                .haveSimpleName("KnowledgeIndex").check(CLASSES);
    }

    @Test
    void the_terminology_core_does_not_depend_on_its_lab_rules() {
        noClasses().that().resideInAPackage("org.clinigate.knowledge.terminology").should().dependOnClassesThat()
                .resideInAPackage("org.clinigate.knowledge.terminology.labs..").check(CLASSES);
    }
}
