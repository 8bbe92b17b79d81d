/**
 * Clinical terminology: importers for ICD-10-CM ({@link org.clinigate.knowledge.terminology.IcdImporter}: CMS order
 * and codes files), RxNorm ({@link org.clinigate.knowledge.terminology.RxNormImporter}: RXNCONSO.RRF and the
 * prescribable TSV) and licensed SNOMED CT RF2 files ({@link org.clinigate.knowledge.terminology.SnomedImporter});
 * {@link org.clinigate.knowledge.terminology.IcdNormalizer} maps free-text problems to ranked ICD-10-CM codes and
 * {@link org.clinigate.knowledge.terminology.DrugNormalizer} drug mentions to RxNorm ingredients and strengths;
 * {@link org.clinigate.knowledge.terminology.Terminology} loads a site's release files. Missing-lab rules live in
 * {@code labs}. Word lists, defaults and evaluation pairs are project-written resources under
 * {@code /knowledge/terminology/}; no release content ships with the project (ADR 0016).
 *
 * <p>Problem and mention text is never put in exceptions or logs.
 */
package org.clinigate.knowledge.terminology;
