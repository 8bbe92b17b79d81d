package org.clinigate.fhir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The FHIR module maps core records to FHIR; it knows nothing of databases, HTTP or the other modules. */
class FhirArchitectureTest {

    @Test
    void fhir_depends_only_on_core() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.clinigate.fhir");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.clinigate.store..", "org.clinigate.server..", "org.clinigate.deid..",
                        "org.clinigate.inference..", "org.clinigate.cli..", "java.sql..", "io.javalin..")
                .check(classes);
    }
}
