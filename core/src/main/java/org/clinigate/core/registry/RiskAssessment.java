package org.clinigate.core.registry;

import java.util.Locale;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The operator's risk assessment of a model or adapter: a level, and the reasoning and mitigations behind it.
 *
 * @param level low, medium or high
 * @param notes the hazards considered and how they are mitigated
 */
public record RiskAssessment(Level level, String notes) {

    /** How much harm a wrong output of this model could do in its intended use. */
    public enum Level {
        LOW, MEDIUM, HIGH;

        /** Parses {@code low}, {@code medium} or {@code high}, in any case. */
        public static Level parse(String text) {
            if (text != null) {
                for (Level l : values()) {
                    if (l.name().equalsIgnoreCase(text.strip())) {
                        return l;
                    }
                }
            }
            throw new ClinigateException(ErrorCode.CG_7105, "risk level must be low, medium or high");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RiskAssessment {
        if (level == null) {
            throw new ClinigateException(ErrorCode.CG_7105, "risk level is missing");
        }
        notes = RegistryChecks.text("risk.notes", notes, ModelCard.MAX_TEXT);
    }

    @Override
    public String toString() {
        return "RiskAssessment[level=" + level.label() + ", notes=" + notes.length() + " chars]";
    }
}
