package org.clinigate.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ContentPart;
import org.clinigate.core.chat.ResponseFormat;
import org.clinigate.core.chat.Role;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStore;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.pipeline.ChatCall;
import org.clinigate.core.pipeline.ChatPipeline;
import org.clinigate.core.pipeline.Principal;
import org.clinigate.core.pipeline.ScopeKey;
import org.clinigate.knowledge.KnowledgeIndex;
import org.clinigate.knowledge.Passage;
import org.clinigate.knowledge.SearchFilter;
import org.clinigate.knowledge.cite.CitationReport;
import org.clinigate.knowledge.cite.CitationVerifier;
import org.clinigate.knowledge.cite.Finding;
import org.clinigate.knowledge.cite.NumberedSource;
import org.clinigate.server.metrics.GatewayMetrics;

/**
 * {@code POST /v1/tasks/{task}}: clinical tasks that run through the same pipeline as chat (de-identification, the
 * model, rails, re-linking) and end as a draft for a clinician to sign.
 *
 * <ul>
 * <li>{@code note-summary}: a note becomes HPI, Medications, Allergies, Labs, Assessment and Plan, constrained by a
 * JSON schema; an answer that does not match it is a 502 ({@code CG-2103}), never a half draft.
 * <li>{@code ask}: a question is answered from retrieved guideline passages with numbered citations, which the
 * CitationVerifier checks; its findings travel with the answer and the draft.
 * </ul>
 *
 * <p>Prompt templates are versioned files in the repository ({@code tasks/<task>.v1.txt}); the version is stored
 * with each draft.
 */
final class TasksHandler {

    /**
     * The prompt and schema version of each task, stored with every draft. radiology-draft v2 added the
     * recommendations section.
     */
    static final java.util.Map<String, String> PROMPT_VERSIONS = java.util.Map.of("note-summary", "v1", "ask", "v1",
            "radiology-draft", "v2");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECTIONS = List.of("hpi", "medications", "allergies", "labs", "assessment",
            "plan");
    private static final String NOTE_PROMPT = resource("note-summary.v1.txt");
    private static final String NOTE_SCHEMA = resource("note-summary.v1.schema.json");
    private static final String ASK_PROMPT = resource("ask.v1.txt");
    private static final String RADIOLOGY_PROMPT = resource("radiology-draft.v2.txt");
    private static final String RADIOLOGY_SCHEMA = resource("radiology-draft.v2.schema.json");
    /** The radiology draft from a radiologist's dictation alone, with no images (models without image input). */
    private static final String DICTATION_PROMPT = resource("radiology-dictation.v2.txt");
    /** The most images one study may send, the prior study's included. */
    static final int MAX_IMAGES = 8;
    /** The largest note or question accepted, in characters. */
    static final int MAX_TEXT = 200_000;

    private final ChatPipeline pipeline;
    private final DraftStore drafts;
    private final org.clinigate.core.tuning.DraftInputs inputs;
    private final Supplier<KnowledgeIndex> index;
    private final Auditor audit;
    private final GatewayMetrics metrics;
    private final Supplier<org.clinigate.knowledge.terminology.Terminology> terminology;
    private static final org.clinigate.knowledge.terminology.labs.MissingLabRules LAB_RULES = org.clinigate.knowledge.terminology.labs.MissingLabRules
            .bundled();

    /**
     * @param terminology the site's terminology (ICD-10-CM, RxNorm), or a supplier of null when none is configured:
     *        problems are then left uncoded and no lab rule runs
     */
    TasksHandler(ChatPipeline pipeline, DraftStore drafts, Supplier<KnowledgeIndex> index, Auditor audit,
            GatewayMetrics metrics, Supplier<org.clinigate.knowledge.terminology.Terminology> terminology,
            org.clinigate.core.tuning.DraftInputs inputs) {
        this.inputs = inputs;
        this.pipeline = pipeline;
        this.drafts = drafts;
        this.index = index;
        this.audit = audit;
        this.metrics = metrics;
        this.terminology = terminology;
    }

    void handle(Context ctx) {
        String task = ctx.pathParam("task");
        switch (task) {
            case "note-summary" -> noteSummary(ctx);
            case "ask" -> ask(ctx);
            case "radiology-draft" -> radiology(ctx);
            default -> throw new ClinigateException(ErrorCode.CG_3001,
                    "no such task; available: note-summary, radiology-draft, ask");
        }
    }

    private void noteSummary(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        JsonNode body = body(ctx);
        String model = text(body, "model", 256);
        String note = text(body, "text", MAX_TEXT);
        ChatRequest request = new ChatRequest(model,
                List.of(message(Role.SYSTEM, NOTE_PROMPT), message(Role.USER, note)), 0.2, null, maxTokens(body),
                List.of(), seed(body), new ResponseFormat.JsonSchema("note_summary", SchemaBudget.fit(NOTE_SCHEMA,
                        maxTokens(body)), true),
                java.util.Map.of());
        ChatCall call = call(who, body, request);
        ChatPipeline.Result result = run(ctx, who, model, call, "note-summary");
        if (result == null) {
            return;
        }
        JsonNode deidentified = sections(result.deidentifiedAnswer());
        JsonNode relinked = sections(result.response().content());
        ObjectNode coding = JSON.createObjectNode();
        List<String> flags = new ArrayList<>(result.rails().ruleIds());
        code(deidentified, coding, flags);
        Draft draft = store(who, call, "note-summary", model, List.of(), flags, render(deidentified), result);
        audited(ctx, who, model, result, "note-summary", flags);
        ObjectNode out = answer(draft, result);
        out.set("sections", relinked);
        out.setAll(coding);
        ctx.contentType("application/json").result(out.toString());
    }

    private void ask(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        JsonNode body = body(ctx);
        String model = text(body, "model", 256);
        String question = text(body, "question", 20_000);
        int k = body.path("k").asInt(5);
        if (k < 1 || k > 20) {
            throw new ClinigateException(ErrorCode.CG_2001, "k must be in [1, 20]");
        }
        String specialty = body.path("specialty").isTextual() ? body.path("specialty").asText() : null;
        List<Passage> passages = index.get().search(question, k,
                specialty == null ? SearchFilter.NONE : SearchFilter.specialty(specialty));
        List<NumberedSource> sources = NumberedSource.fromPassages(passages);
        ChatRequest request = new ChatRequest(model,
                List.of(message(Role.SYSTEM, ASK_PROMPT + NumberedSource.promptBlock(sources)),
                        message(Role.USER, question)),
                0.2, null, maxTokens(body), List.of(), seed(body), null, java.util.Map.of());
        ChatCall call = call(who, body, request);
        ChatPipeline.Result result = run(ctx, who, model, call, "ask");
        if (result == null) {
            return;
        }
        CitationReport report = new CitationVerifier().verify(result.deidentifiedAnswer(), sources);
        List<String> flags = new ArrayList<>(result.rails().ruleIds());
        for (Finding f : report.problems()) {
            String id = "citation." + f.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2")
                    .toLowerCase(Locale.ROOT);
            if (!flags.contains(id)) {
                flags.add(id);
            }
        }
        List<String> sourceIds = passages.stream().map(p -> p.chunk().id()).toList();
        Draft draft = store(who, call, "ask", model, sourceIds, flags, result.deidentifiedAnswer(), result);
        audited(ctx, who, model, result, "ask", flags);
        ObjectNode out = answer(draft, result);
        out.put("answer", result.response().content());
        ArrayNode cites = out.putArray("sources");
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            cites.addObject().put("n", i + 1).put("id", p.chunk().id())
                    .put("title", p.source().title()).put("heading", String.join(" > ", p.chunk().headingPath()));
        }
        ObjectNode check = out.putObject("citations");
        check.put("ok", report.ok()).put("markers", report.markers());
        ArrayNode problems = check.putArray("problems");
        for (Finding f : report.problems()) {
            problems.addObject().put("kind", f.getClass().getSimpleName()).put("start", f.start()).put("end", f.end());
        }
        ctx.contentType("application/json").result(out.toString());
    }

    private void radiology(Context ctx) {
        Principal who = ctx.attribute(GatewayServer.PRINCIPAL);
        JsonNode body = body(ctx);
        String model = text(body, "model", 256);
        String indication = text(body, "indication", 20_000);
        boolean force = body.path("force_burned_in").asBoolean(false);
        List<ContentPart> parts = new ArrayList<>();
        StringBuilder context = new StringBuilder("Clinical indication: ").append(indication).append('\n');
        String dictation = body.path("dictation").isTextual() ? text(body, "dictation", MAX_TEXT) : null;
        List<org.clinigate.server.imaging.StudyImage> current = images(body.get("images"), "images", force,
                dictation == null);
        List<org.clinigate.server.imaging.StudyImage> prior = images(body.get("prior_images"), "prior_images", force,
                false);
        if (current.size() + prior.size() > MAX_IMAGES) {
            throw new ClinigateException(ErrorCode.CG_2001, "at most " + MAX_IMAGES + " images per study");
        }
        describe(context, "Current study", current);
        if (dictation != null) {
            context.append("Dictated findings: ").append(dictation).append('\n');
        }
        if (body.path("prior_report").isTextual()) {
            context.append("Prior report: ").append(body.path("prior_report").asText()).append('\n');
        }
        describe(context, "Prior study", prior);
        parts.add(new ContentPart.Text(context.toString()));
        for (var image : current) {
            parts.add(new ContentPart.ImageUrl("data:image/png;base64,"
                    + java.util.Base64.getEncoder().encodeToString(image.png()), "high"));
        }
        for (var image : prior) {
            parts.add(new ContentPart.ImageUrl("data:image/png;base64,"
                    + java.util.Base64.getEncoder().encodeToString(image.png()), "low"));
        }
        ChatRequest request = new ChatRequest(model,
                List.of(message(Role.SYSTEM,
                        current.isEmpty() && prior.isEmpty() ? DICTATION_PROMPT : RADIOLOGY_PROMPT),
                        new ChatMessage(Role.USER, parts)),
                0.2, null,
                maxTokens(body), List.of(), seed(body),
                new ResponseFormat.JsonSchema("radiology_draft", SchemaBudget.fit(RADIOLOGY_SCHEMA, maxTokens(body)),
                        true),
                java.util.Map.of());
        ChatCall call = call(who, body, request);
        ChatPipeline.Result result = run(ctx, who, model, call, "radiology-draft");
        if (result == null) {
            return;
        }
        JsonNode deidentified = report(result.deidentifiedAnswer());
        JsonNode relinked = report(result.response().content());
        String text = "Findings:\n" + deidentified.get("findings").asText() + "\n\nImpression:\n"
                + deidentified.get("impression").asText() + "\n\nRecommendations:\n"
                + deidentified.get("recommendations").asText() + "\n\nComparison:\n"
                + deidentified.get("comparison").asText();
        Draft draft = store(who, call, "radiology-draft", model, List.of(), result.rails().ruleIds(), text, result);
        audited(ctx, who, model, result, "radiology-draft", result.rails().ruleIds());
        ObjectNode out = answer(draft, result);
        out.set("report", relinked);
        out.put("images", current.size()).put("prior_images", prior.size());
        ctx.contentType("application/json").result(out.toString());
    }

    private static List<org.clinigate.server.imaging.StudyImage> images(JsonNode list, String field, boolean force,
            boolean required) {
        List<org.clinigate.server.imaging.StudyImage> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            if (required) {
                throw new ClinigateException(ErrorCode.CG_2001, field + " is required: a list of {type, data}");
            }
            return out;
        }
        if (!list.isArray() || required && list.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_2001, field + " must be a non-empty list of {type, data}");
        }
        for (JsonNode item : list) {
            byte[] bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(item.path("data").asText(""));
            } catch (IllegalArgumentException e) {
                throw new ClinigateException(ErrorCode.CG_2001, field + ": data must be base64");
            }
            out.add(org.clinigate.server.imaging.StudyImage.read(bytes, item.path("type").asText(""), force));
        }
        return out;
    }

    private static void describe(StringBuilder sb, String label, List<org.clinigate.server.imaging.StudyImage> images) {
        for (int i = 0; i < images.size(); i++) {
            sb.append(label).append(", image ").append(i + 1);
            if (!images.get(i).attributes().isEmpty()) {
                sb.append(": ").append(images.get(i).attributes());
            }
            sb.append('\n');
        }
    }

    /** The model's report JSON, checked against the radiology schema. */
    static JsonNode report(String modelJson) {
        JsonNode n;
        try {
            n = JSON.readTree(modelJson);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_2103, "the model's report is not JSON");
        }
        for (String s : List.of("findings", "impression", "recommendations", "comparison")) {
            if (n == null || !n.isObject() || !n.path(s).isTextual()) {
                throw new ClinigateException(ErrorCode.CG_2103, "the model's report lacks section '" + s + "'");
            }
        }
        return n;
    }

    /**
     * Runs the call through the pipeline with the task's rails; when an input rail refuses, answers with the fixed
     * text (audited, no draft) and returns null.
     */
    private ChatPipeline.Result run(Context ctx, Principal who, String model, ChatCall call, String task) {
        ChatPipeline.Result result = pipeline.complete(call, task);
        metrics.rails(result.rails());
        if (result.rails().input() instanceof org.clinigate.core.rails.Verdict.Block) {
            refusal(ctx, who, model, result, task);
            return null;
        }
        return result;
    }

    private void audited(Context ctx, Principal who, String model, ChatPipeline.Result result, String task,
            List<String> flags) {
        audit.allowed(ctx, who, model, result.deidentifiedRequest(), result.deidentifiedAnswer(),
                result.response().usage().promptTokens(), result.response().usage().completionTokens(), task, flags);
    }

    /** An input rail refused the task: the fixed answer, no draft. */
    private void refusal(Context ctx, Principal who, String model, ChatPipeline.Result result, String task) {
        audit.allowed(ctx, who, model, result.deidentifiedRequest(), result.deidentifiedAnswer(), 0, 0, task,
                result.rails().ruleIds());
        ObjectNode out = JSON.createObjectNode();
        out.put("task", task).put("refused", true).put("answer", result.response().content());
        out.set("rails", rails(result.rails()));
        ctx.contentType("application/json").result(out.toString());
    }

    /**
     * Stores the draft, and the de-identified user input the model was given (the note, the question, the study's
     * text; images are not kept), so that a signed draft can become a fine-tuning example (ADR 0019).
     */
    private Draft store(Principal who, ChatCall call, String task, String model, List<String> sources,
            List<String> flags, String deidentifiedText, ChatPipeline.Result result) {
        ScopeKey scope = call.scope().orElse(null);
        Draft draft = drafts.create(new DraftStore.NewDraft(who.tenant(), scope == null ? null : scope.kind(),
                scope == null ? null : scope.idHash(), task, model, PROMPT_VERSIONS.get(task), sources, flags,
                deidentifiedText));
        String input = result.deidentifiedRequest().messages().stream().filter(m -> m.role() == Role.USER)
                .map(ChatMessage::text).reduce((a, b) -> b).orElse("");
        if (!input.isBlank()) {
            inputs.put(who.tenant(), draft.id(), input);
        }
        return draft;
    }

    private static ObjectNode answer(Draft draft, ChatPipeline.Result result) {
        ObjectNode out = JSON.createObjectNode();
        out.put("task", draft.task()).put("draft_id", draft.id()).put("status", "preliminary")
                .put("version", draft.version()).put("prompt_version", draft.promptVersion());
        out.set("rails", rails(result.rails()));
        return out;
    }

    private static ObjectNode rails(ChatPipeline.Rails rails) {
        ObjectNode r = JSON.createObjectNode();
        r.put("input", rails.input().label()).put("output", rails.output().label());
        ArrayNode flags = r.putArray("flags");
        for (var f : rails.flags()) {
            flags.addObject().put("rule", f.rule()).put("severity", f.severity().name().toLowerCase(Locale.ROOT))
                    .put("message", f.message());
        }
        return r;
    }

    /**
     * Problems coded to ICD-10-CM, and the labs the guideline rules say are missing for those problems and
     * medications (labs the note lists count as done today). Works on de-identified text: codes need no identity.
     */
    private void code(JsonNode sections, ObjectNode out, List<String> flags) {
        org.clinigate.knowledge.terminology.Terminology t = terminology == null ? null : terminology.get();
        if (t == null || t.icd().isEmpty()) {
            out.put("coding", "no ICD-10-CM release configured (terminology.files)");
            return;
        }
        List<String> problems = strings(sections.get("problems"));
        ArrayNode codes = out.putArray("codes");
        for (String p : problems) {
            var matches = t.icd().get().normalize(p, 3);
            ObjectNode c = codes.addObject().put("problem", p);
            ArrayNode ranked = c.putArray("candidates");
            for (var m : matches) {
                ranked.addObject().put("code", m.code()).put("description", m.description()).put("score", m.score());
            }
        }
        java.util.Map<String, java.time.LocalDate> labs = new java.util.HashMap<>();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        for (String lab : strings(sections.get("labs"))) {
            String name = lab.strip().split("[\\s:]+", 2)[0];
            if (!name.isEmpty()) {
                labs.put(name, today);
            }
        }
        var context = org.clinigate.knowledge.terminology.labs.NoteLists.context(problems,
                strings(sections.get("medications")), labs, today, t, LAB_RULES);
        ArrayNode missing = out.putArray("missing_labs");
        for (var m : LAB_RULES.evaluate(context.context(), t)) {
            missing.addObject().put("rule", m.ruleId()).put("trigger", m.trigger()).put("lab", m.lab().name())
                    .put("within", m.within().toString()).put("source", m.source());
            String flag = "labs.missing." + m.ruleId();
            if (!flags.contains(flag)) {
                flags.add(flag);
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** The model's JSON, checked against the task's schema: every section present and of its type. */
    static JsonNode sections(String modelJson) {
        JsonNode n;
        try {
            n = JSON.readTree(modelJson);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_2103, "the model's summary is not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new ClinigateException(ErrorCode.CG_2103, "the model's summary is not a JSON object");
        }
        for (String s : SECTIONS) {
            JsonNode v = n.get(s);
            boolean list = !s.equals("hpi") && !s.equals("assessment");
            if (v == null || (list ? !v.isArray() : !v.isTextual())) {
                throw new ClinigateException(ErrorCode.CG_2103,
                        "the model's summary lacks section '" + s + "' or has it of the wrong type");
            }
        }
        return n;
    }

    /** The sections as the draft's text, one heading per section. */
    static String render(JsonNode sections) {
        StringBuilder sb = new StringBuilder();
        for (String s : SECTIONS) {
            String heading = switch (s) {
                case "hpi" -> "HPI";
                default -> Character.toUpperCase(s.charAt(0)) + s.substring(1);
            };
            sb.append(heading).append(":\n");
            JsonNode v = sections.get(s);
            if (v.isArray()) {
                if (v.isEmpty()) {
                    sb.append("- none recorded\n");
                }
                for (JsonNode item : v) {
                    sb.append("- ").append(item.asText()).append('\n');
                }
            } else {
                sb.append(v.asText()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }

    private static ChatCall call(Principal who, JsonNode body, ChatRequest request) {
        JsonNode cg = body.path("clinigate");
        String patient = cg.path("patient_id").isTextual() ? cg.path("patient_id").asText() : null;
        String conversation = cg.path("conversation_id").isTextual() ? cg.path("conversation_id").asText() : null;
        return new ChatCall(who, request, patient, conversation);
    }

    /** {@code max_tokens} from the body, 1 to 8192, default 1024. */
    private static int maxTokens(JsonNode body) {
        int n = body.path("max_tokens").asInt(1024);
        if (n < 1 || n > 8192) {
            throw new ClinigateException(ErrorCode.CG_2001, "max_tokens must be in [1, 8192]");
        }
        return n;
    }

    private static Long seed(JsonNode body) {
        return body.path("seed").canConvertToLong() ? body.path("seed").asLong() : null;
    }

    private static ChatMessage message(Role role, String text) {
        return new ChatMessage(role, List.of(new ContentPart.Text(text)));
    }

    /** The request body as a JSON object: empty, malformed or not an object is a clear 400. */
    static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw new ClinigateException(ErrorCode.CG_2001, "the body is empty");
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new ClinigateException(ErrorCode.CG_2001, "the body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1005, "malformed JSON");
        }
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ClinigateException(ErrorCode.CG_2001, field + " is required");
        }
        String s = v.asText();
        if (s.length() > max || s.indexOf('\u0000') >= 0) {
            throw new ClinigateException(ErrorCode.CG_2001, field + " must be at most " + max
                    + " characters without NUL");
        }
        return s;
    }

    private static String resource(String name) {
        try (InputStream in = TasksHandler.class.getResourceAsStream("/org/clinigate/server/tasks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled task file " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
