package org.clinigate.inference.llama;

import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.Role;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Renders a conversation in the Gemma chat format, as Gemma 3's own Jinja template does:
 *
 * <pre>
 * &lt;start_of_turn&gt;user
 * {system}\n\n{user}&lt;end_of_turn&gt;
 * &lt;start_of_turn&gt;model
 * {assistant}&lt;end_of_turn&gt;
 * &lt;start_of_turn&gt;model
 * </pre>
 *
 * <p>Gemma has no system role: leading system messages go in front of the first user turn. Content is trimmed, as
 * the template's {@code | trim} does. Two deliberate departures: consecutive messages of one role are joined with a
 * blank line instead of failing, and text that spells a control token ({@code <start_of_turn>}, ...) is broken
 * with a zero-width space, because llama.cpp parses special tokens in the prompt and a user could otherwise forge
 * a model turn. The BOS token is left to the tokenizer. Stateless and thread safe.
 */
final class GemmaTemplate {

    /** The marker that identifies a Gemma template in {@code tokenizer.chat_template}. */
    static final String MARKER = "<start_of_turn>";

    private static final List<String> CONTROL_TOKENS = List.of("<start_of_turn>", "<end_of_turn>", "<bos>", "<eos>",
            "<pad>", "<unk>", "<start_of_image>", "<end_of_image>", "<image_soft_token>", "<mask>");
    private static final String ZERO_WIDTH_SPACE = "\u200b";

    private GemmaTemplate() {
    }

    /** Renders {@code messages} followed by the opening of a model turn. */
    static String render(List<ChatMessage> messages) {
        List<Turn> turns = turns(messages);
        StringBuilder out = new StringBuilder();
        for (Turn turn : turns) {
            out.append("<start_of_turn>").append(turn.role() == Role.USER ? "user" : "model").append('\n')
                    .append(turn.text()).append("<end_of_turn>\n");
        }
        return out.append("<start_of_turn>model\n").toString();
    }

    private record Turn(Role role, String text) {
    }

    private static List<Turn> turns(List<ChatMessage> messages) {
        StringBuilder system = new StringBuilder();
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            String text = neutralise(m.text().strip());
            if (m.role() == Role.SYSTEM) {
                if (!turns.isEmpty()) {
                    throw invalid("system messages must come before all user and assistant messages");
                }
                join(system, text);
            } else if (!turns.isEmpty() && turns.getLast().role() == m.role()) {
                turns.set(turns.size() - 1, new Turn(m.role(), joined(turns.getLast().text(), text)));
            } else {
                turns.add(new Turn(m.role(), text));
            }
        }
        if (turns.isEmpty() || turns.getFirst().role() != Role.USER) {
            throw invalid("the conversation must start with a user message (after any system messages)");
        }
        if (!system.isEmpty()) {
            turns.set(0, new Turn(Role.USER, system + "\n\n" + turns.getFirst().text()));
        }
        return turns;
    }

    private static void join(StringBuilder into, String text) {
        if (!into.isEmpty()) {
            into.append("\n\n");
        }
        into.append(text);
    }

    private static String joined(String a, String b) {
        return a + "\n\n" + b;
    }

    /** Breaks every spelled-out control token so that the tokenizer reads it as plain text. */
    static String neutralise(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        String out = text;
        for (String token : CONTROL_TOKENS) {
            out = out.replace(token, "<" + ZERO_WIDTH_SPACE + token.substring(1));
        }
        return out;
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_2001, detail);
    }
}
