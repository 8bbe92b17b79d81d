package org.clinigate.eval.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.eval.suite.Task;
import org.clinigate.knowledge.cite.NumberedSource;

/**
 * The messages each task kind sends. Chat endpoints give no log-probabilities, so choice questions ask the model to
 * reason and then end with a fixed {@code Answer: X} line that {@link AnswerExtractor} reads.
 */
public final class Prompts {

    static final String CHOICE = "You are a medical expert answering an exam question. Think it through step by "
            + "step, briefly. Then end your reply with one final line of the form 'Answer: X', where X is the letter "
            + "of the single best option.";
    static final String YES_NO = "You are a biomedical researcher. Read the abstract and answer the question. Think "
            + "it through briefly, then end your reply with one final line: 'Answer: yes', 'Answer: no' or "
            + "'Answer: maybe'.";
    static final String SUMMARY = "Summarize the clinical note for a clinician. Use exactly these section headings, "
            + "each on its own line followed by a colon: %s. State only what the note says.";
    static final String RAG = "Answer the question from the numbered sources only. Cite each claim with the number "
            + "of its source in square brackets, for example [1]. If the sources do not answer it, say so.";

    private Prompts() {
    }

    /** The conversation that asks {@code task} of the model. */
    public static List<ChatMessage> messages(Task task) {
        return switch (task) {
            case Task.MultipleChoice mc -> List.of(ChatMessage.system(CHOICE), ChatMessage.user(choice(mc)));
            case Task.YesNoMaybe y -> List.of(ChatMessage.system(YES_NO), ChatMessage.user(yesNo(y)));
            case Task.Rubric r -> turns(r.conversation());
            case Task.Summary s -> List.of(ChatMessage.system(String.format(SUMMARY, s.sections().isEmpty()
                    ? "Summary"
                    : String.join(", ", s.sections()))), ChatMessage.user(s.source()));
            case Task.RagQa q -> List.of(ChatMessage.system(RAG), ChatMessage.user(NumberedSource.promptBlock(
                    RagGrader.numbered(q)) + "\n\nQuestion: " + q.question()));
            case Task.RedTeam t -> List.of(ChatMessage.user(t.prompt()));
        };
    }

    private static String choice(Task.MultipleChoice mc) {
        StringBuilder b = new StringBuilder(mc.question().strip()).append("\n\n");
        mc.options().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append(e.getKey())
                .append(". ").append(e.getValue().strip()).append('\n'));
        return b.toString();
    }

    private static String yesNo(Task.YesNoMaybe y) {
        return "Abstract:\n" + String.join("\n", y.contexts()) + "\n\nQuestion: " + y.question();
    }

    private static List<ChatMessage> turns(List<Task.Turn> conversation) {
        List<ChatMessage> out = new ArrayList<>();
        for (Task.Turn t : conversation) {
            out.add(switch (t.role()) {
                case "system" -> ChatMessage.system(t.content());
                case "assistant" -> ChatMessage.assistant(t.content());
                default -> ChatMessage.user(t.content());
            });
        }
        return out;
    }
}
