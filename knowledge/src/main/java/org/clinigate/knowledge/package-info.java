/**
 * Guideline knowledge for grounding: documents are imported ({@link org.clinigate.knowledge.ingest.Importers}),
 * cut into {@link org.clinigate.knowledge.Chunk}s that keep their heading path and exact offsets, indexed by
 * {@link org.clinigate.knowledge.KnowledgeIndex} (Lucene BM25 plus HNSW vectors, fused by reciprocal rank), and
 * answers that cite them are checked by {@link org.clinigate.knowledge.cite.CitationVerifier}.
 *
 * <p>Guideline text is not PHI, but records that hold text still keep it out of {@code toString()} so that logs
 * carry ids and sizes only (house rule 7).
 */
package org.clinigate.knowledge;
