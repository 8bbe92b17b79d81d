package org.clinigate.core.registry;

/**
 * What an operator writes about a model or adapter: what it is for, where it must not be used, and a summary of its
 * evaluation. Operator text, never patient text; still, {@code toString()} prints lengths only.
 *
 * @param intendedUse the tasks and settings it was built and evaluated for
 * @param limitations where it is known to fail or must not be used
 * @param evaluation a short summary of how it was evaluated (the numbers themselves are the entry's metrics)
 */
public record ModelCard(String intendedUse, String limitations, String evaluation) {

    /** The most characters one card field may have. */
    public static final int MAX_TEXT = 8000;

    public ModelCard {
        intendedUse = RegistryChecks.text("card.intended_use", intendedUse, MAX_TEXT);
        limitations = RegistryChecks.text("card.limitations", limitations, MAX_TEXT);
        evaluation = RegistryChecks.text("card.evaluation", evaluation, MAX_TEXT);
    }

    @Override
    public String toString() {
        return "ModelCard[intendedUse=" + intendedUse.length() + " chars, limitations=" + limitations.length()
                + " chars, evaluation=" + evaluation.length() + " chars]";
    }
}
