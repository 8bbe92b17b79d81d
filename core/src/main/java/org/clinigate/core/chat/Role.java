package org.clinigate.core.chat;

import java.util.Locale;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** The author of a chat message, with its OpenAI wire name. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    /** The OpenAI wire name: {@code system}, {@code user} or {@code assistant}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name; OpenAI's {@code developer} role is read as {@link #SYSTEM}.
     *
     * @throws ClinigateException {@link ErrorCode#CG_2001} for any other name
     */
    public static Role fromWire(String name) {
        return switch (name == null ? "" : name) {
            case "system", "developer" -> SYSTEM;
            case "user" -> USER;
            case "assistant" -> ASSISTANT;
            default -> throw new ClinigateException(ErrorCode.CG_2001,
                    "unknown message role (allowed: system, developer, user, assistant)");
        };
    }
}
