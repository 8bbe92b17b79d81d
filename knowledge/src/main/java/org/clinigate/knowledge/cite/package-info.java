/**
 * Citation checks for grounded answers: {@link org.clinigate.knowledge.cite.CitationVerifier} takes an answer with
 * {@code [n]} markers and the numbered sources it was given, and reports, for each marker and claim, whether the
 * source exists and supports the claim, and which references to studies, PMIDs, DOIs, trials or guidelines are
 * not among the sources.
 */
package org.clinigate.knowledge.cite;
