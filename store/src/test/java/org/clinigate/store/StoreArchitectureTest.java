package org.clinigate.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Arrows point toward core; inside the store, the database layer knows nothing of the features on top. */
class StoreArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.clinigate");

    @Test
    void store_depends_on_core_only() {
        noClasses().that().resideInAPackage("org.clinigate.store..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.deid..", "org.clinigate.inference..", "org.clinigate.server..",
                        "org.clinigate.cli..", "org.clinigate.synth..")
                .check(CLASSES);
    }

    @Test
    void core_knows_no_database() {
        noClasses().that().resideInAPackage("org.clinigate.core..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.clinigate.store..").check(CLASSES);
    }

    @Test
    void the_database_layer_knows_no_feature() {
        noClasses().that().resideInAPackage("org.clinigate.store.db..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.store.audit..", "org.clinigate.store.bench..",
                        "org.clinigate.store.vault..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.clinigate.store.audit..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.store.bench..", "org.clinigate.store.vault..").check(CLASSES);
        noClasses().that().resideInAPackage("org.clinigate.store.vault..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.store.audit..", "org.clinigate.store.keys..",
                        "org.clinigate.store.bench..")
                .check(CLASSES);
    }
}
