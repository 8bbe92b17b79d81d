package org.clinigate.core.rails;

/**
 * Port: a deterministic check of one text, either the user's de-identified input before the model sees it or the
 * model's answer before the client does.
 *
 * <p>Contract: implementations are stateless after construction and thread safe; the same text and context always
 * give the same verdict; {@link #check} never throws on any text (empty, huge, binary-looking or hostile) and
 * never calls the network. Flag messages never quote the text. A rail that cannot judge part of a text (an
 * unknown unit, no patient age) passes that part rather than guessing.
 */
public interface Rail {

    /** A short, stable name for logs, audit records and metrics, with the rule set's version, such as {@code input@1.0.0}. */
    String name();

    /** Checks {@code text} in {@code context}. */
    Verdict check(String text, RailContext context);
}
