/**
 * Importers that turn files into {@link org.clinigate.knowledge.SourceDocument}s with exact section offsets:
 * Markdown, plain text, HTML, PDF, FDA DailyMed SPL XML and FHIR DocumentReference JSON. The facade is
 * {@link org.clinigate.knowledge.ingest.Importers}; everything else here is package-private.
 */
package org.clinigate.knowledge.ingest;
