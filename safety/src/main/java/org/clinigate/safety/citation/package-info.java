/**
 * Citation findings for the output rails: the {@link org.clinigate.safety.citation.CitationCheck} port, its finding
 * type, and {@link org.clinigate.safety.citation.SimpleCitationCheck}, a check of markers and references that needs
 * no index. A richer check (the knowledge module's CitationVerifier, which also tests whether a cited source
 * supports its claim) plugs in through the same port.
 */
package org.clinigate.safety.citation;
