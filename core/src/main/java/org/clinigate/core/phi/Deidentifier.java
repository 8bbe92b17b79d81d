package org.clinigate.core.phi;

import java.util.List;

/**
 * Port: finds identifiers in free text and transforms them.
 *
 * <p>Contract:
 * <ul>
 * <li>{@link #detect(String)} returns spans sorted by start, in bounds, and not overlapping.
 * <li>{@link #deidentify} applies the policy's mode per category; reversible modes record their
 * replacements in {@code scope}, so {@code scope.relink(result.text())} gives back the input.
 * <li>No value of a detected span survives in the output of a non-surrogate mode.
 * </ul>
 *
 * <p>Implementations are thread safe; a {@link PhiMap} may be shared by concurrent calls. Input of any
 * content is accepted; an implementation fails only with {@link org.clinigate.core.error.ClinigateException}
 * and never puts input text in a message.
 */
public interface Deidentifier {

    List<PhiSpan> detect(String text);

    Deidentified deidentify(String text, DeidPolicy policy, PhiMap scope);
}
