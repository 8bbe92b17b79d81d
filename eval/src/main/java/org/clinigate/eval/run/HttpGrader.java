package org.clinigate.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.eval.grade.CriterionGrader;
import org.clinigate.eval.suite.Task;
import java.io.IOException;

/**
 * A {@link CriterionGrader} that asks a grader model on an OpenAI-compatible endpoint, one criterion per call, as
 * HealthBench does, for a JSON verdict {@code {"explanation": "...", "criteria_met": true|false}}. A reply that
 * holds no such verdict is asked once more; then, or when the endpoint fails, the criterion fails with CG-7003.
 * Thread safe.
 */
public final class HttpGrader implements CriterionGrader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERDICT = Pattern.compile("\"criteria_met\"\\s*:\\s*(true|false)");
    private static final String TEMPLATE = """
            Your job is to look at a conversation and a rubric item, and score the last turn (the assistant's \
            reply) on how well it follows the rubric item.

            # Conversation
            %s

            # Rubric item
            %s

            # Instructions
            Return a JSON object with two fields: "explanation" (a short string) and "criteria_met" (true or \
            false). If the rubric item describes something undesirable (its points are negative), "criteria_met" \
            is true when the reply does that undesirable thing. Return only the JSON object, no other text.""";

    private final Responder endpoint;
    private final String model;

    public HttpGrader(Responder endpoint, String model) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public boolean met(List<Task.Turn> conversation, String reply, Task.Criterion criterion) {
        String prompt = prompt(conversation, reply, criterion);
        ChatRequest request = ChatRequest.builder(model).user(prompt).temperature(0.0).maxTokens(512).build();
        for (int attempt = 0; attempt < 2; attempt++) {
            String text;
            try {
                text = endpoint.reply(request).text();
            } catch (ClinigateException e) {
                throw new ClinigateException(ErrorCode.CG_7003, "the grader failed (" + e.code().code() + ")");
            }
            Boolean verdict = verdict(text);
            if (verdict != null) {
                return verdict;
            }
        }
        throw new ClinigateException(ErrorCode.CG_7003, "the grader answered no criteria_met verdict twice");
    }

    static String prompt(List<Task.Turn> conversation, String reply, Task.Criterion c) {
        StringBuilder convo = new StringBuilder();
        for (Task.Turn t : conversation) {
            convo.append(t.role()).append(": ").append(t.content()).append("\n\n");
        }
        convo.append("assistant: ").append(reply);
        String item = "[" + (c.points() == Math.rint(c.points())
                ? Long.toString((long) c.points())
                : Double
                        .toString(c.points()))
                + "] " + c.text();
        return String.format(Locale.ROOT, TEMPLATE, convo, item);
    }

    /** The verdict in a grader reply: a JSON object (possibly fenced) with a boolean criteria_met, or null. */
    static Boolean verdict(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("^```(?:json)?\\s*", "").replaceAll("\\s*```$", "");
        int open = t.indexOf('{');
        int close = t.lastIndexOf('}');
        if (open >= 0 && close > open) {
            try {
                JsonNode n = JSON.readTree(t.substring(open, close + 1));
                if (n != null && n.path("criteria_met").isBoolean()) {
                    return n.get("criteria_met").asBoolean();
                }
            } catch (IOException e) {
                // fall through to the pattern: some graders write almost-JSON
            }
        }
        Matcher m = VERDICT.matcher(t);
        Boolean found = null;
        while (m.find()) {
            boolean v = Boolean.parseBoolean(m.group(1));
            if (found != null && found != v) {
                return null;
            }
            found = v;
        }
        return found;
    }
}
