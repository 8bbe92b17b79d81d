package org.clinigate.core.chat;

import java.util.List;
import java.util.Objects;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One message of a conversation: a role and its content parts, in order. Content may carry PHI, so {@code
 * toString()} prints the role and sizes only.
 */
public record ChatMessage(Role role, List<ContentPart> parts) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_2001, "a " + role.wireName() + " message has no content");
        }
        if (role != Role.USER && parts.stream().anyMatch(ContentPart.ImageUrl.class::isInstance)) {
            throw new ClinigateException(ErrorCode.CG_2001, "only user messages may contain images");
        }
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, List.of(new ContentPart.Text(text)));
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, List.of(new ContentPart.Text(text)));
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text(text)));
    }

    /** The text parts joined without separator; images are left out. */
    public String text() {
        // Called several times per message on the request path; a plain message has one text part.
        if (parts.size() == 1 && parts.get(0) instanceof ContentPart.Text only) {
            return only.text();
        }
        StringBuilder b = new StringBuilder();
        for (ContentPart p : parts) {
            if (p instanceof ContentPart.Text t) {
                b.append(t.text());
            }
        }
        return b.toString();
    }

    public boolean hasImage() {
        return parts.stream().anyMatch(ContentPart.ImageUrl.class::isInstance);
    }

    /** Total characters of text, for size limits and logs. */
    public int textLength() {
        return parts.stream().mapToInt(p -> p instanceof ContentPart.Text t ? t.text().length() : 0).sum();
    }

    @Override
    public String toString() {
        return "ChatMessage[role=" + role.wireName() + ", parts=" + parts.size() + ", chars=" + textLength() + "]";
    }
}
