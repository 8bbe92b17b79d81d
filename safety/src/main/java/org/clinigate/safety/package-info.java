/**
 * The safety rails: {@link org.clinigate.safety.SafetyRails} assembles an input and an output {@link
 * org.clinigate.core.rails.Rail} from versioned YAML rule sets ({@code rules}), a medication checker ({@code
 * medication}), a citation check ({@code citation}), and offers a JSONL batch checker ({@code batch}). Depends on core
 * only, plus Jackson for YAML and JSON.
 */
package org.clinigate.safety;
