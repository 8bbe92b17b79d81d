/**
 * Missing-lab rules: {@link org.clinigate.knowledge.terminology.labs.MissingLabRules} (YAML, each rule citing its
 * guideline) evaluated against a {@link org.clinigate.knowledge.terminology.labs.PatientContext} built from a FHIR R4
 * Bundle ({@link org.clinigate.knowledge.terminology.labs.FhirBundles}, Jackson only) or from lists extracted from a
 * note ({@link org.clinigate.knowledge.terminology.labs.NoteLists}).
 */
package org.clinigate.knowledge.terminology.labs;
