package org.clinigate.tuning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The tuning module is a batch library: core and deid only, never a database, a server or a backend. */
class TuningArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.clinigate.tuning");

    @Test
    void tuning_depends_on_core_and_deid_only() {
        noClasses().that().resideInAPackage("org.clinigate.tuning..").should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.store..", "org.clinigate.server..", "org.clinigate.inference..",
                        "org.clinigate.eval..", "java.sql..")
                .check(CLASSES);
    }
}
