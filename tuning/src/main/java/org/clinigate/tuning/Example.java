package org.clinigate.tuning;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One training example in chat form, before or after de-identification. {@code toString()} prints counts only: the
 * turns may hold PHI until the {@link DeidGate} has passed them, and ids and groups may be patient identifiers.
 *
 * @param id the example's id in its source, for the report's counts only; never written to the dataset
 * @param group what the train/eval split keeps together: a patient (or pseudonym scope), else the example itself
 * @param source where it came from: {@code drafts} or the input file's name
 * @param turns system (optional), user, assistant ... ending with the assistant's answer (the training target)
 */
public record Example(String id, String group, String source, List<Turn> turns) {

    /** Roles a turn may have, as the chat format writes them. */
    public static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(source, "source");
        turns = List.copyOf(turns);
        if (turns.isEmpty() || !turns.getLast().role().equals("assistant")
                || turns.stream().noneMatch(t -> t.role().equals("user"))) {
            throw new ClinigateException(ErrorCode.CG_7111, "an example needs a user turn and ends with the "
                    + "assistant's answer");
        }
    }

    /** The same example with other turns (after de-identification). */
    Example withTurns(List<Turn> newTurns) {
        return new Example(id, group, source, newTurns);
    }

    @Override
    public String toString() {
        return "Example[source=" + source + ", turns=" + turns.size() + "]";
    }

    /**
     * One message.
     *
     * @param role system, user or assistant
     * @param content its text, non-blank
     */
    public record Turn(String role, String content) {
        public Turn {
            if (role == null || !ROLES.contains(role)) {
                throw new ClinigateException(ErrorCode.CG_7111, "a turn's role must be system, user or assistant");
            }
            if (content == null || content.isBlank() || content.indexOf('\0') >= 0) {
                throw new ClinigateException(ErrorCode.CG_7111, "a turn's content must be non-blank text");
            }
        }

        @Override
        public String toString() {
            return "Turn[role=" + role + ", chars=" + content.length() + "]";
        }
    }
}
