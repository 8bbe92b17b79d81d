/**
 * Text helpers shared by the rails: one folded form for pattern matching with offsets kept, and a sentence splitter
 * that scopes negations and drug mentions to their clause.
 */
package org.clinigate.safety.text;
