package org.clinigate.core.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.chat.ContentPart;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Deidentifier;
import org.clinigate.core.phi.Mode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.rails.Rail;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailFlag;
import org.clinigate.core.rails.Verdict;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.phi.PhiSpan;

/**
 * The request path of a chat completion: de-identify every message into pseudonyms of the call's
 * scope, generate on the backend, and re-link the answer (or each streamed chunk) from that scope
 * only. The backend sees de-identified text and nothing else.
 *
 * <p>Stages still to come (quota, rails, grounding, audit) slot in here, in the order DESIGN.md gives.
 * Thread safe; dependencies arrive through the constructor.
 */
public final class ChatPipeline {

    private static final DeidPolicy PSEUDONYMS = DeidPolicy.of(Mode.PSEUDONYM);

    private final Deidentifier deidentifier;
    private final ChatBackend backend;
    private final PhiVault vault;
    private final PipelineObserver observer;
    private final HistoryCache history = new HistoryCache(20_000);

    public ChatPipeline(Deidentifier deidentifier, ChatBackend backend, PhiVault vault, PipelineObserver observer) {
        this(deidentifier, backend, vault, observer, null, null);
    }

    /**
     * With rails: {@code input} checks the newest user message (de-identified) before the model is called, and a
     * block answers with the rule set's fixed text without calling it; {@code output} checks the model's answer
     * (de-identified, with the scope's pseudonyms known) before it is re-linked. Either may be null.
     */
    public ChatPipeline(Deidentifier deidentifier, ChatBackend backend, PhiVault vault, PipelineObserver observer,
            Rail input, Rail output) {
        this.deidentifier = Objects.requireNonNull(deidentifier, "deidentifier");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.inputRail = input;
        this.outputRail = output;
    }

    private final Rail inputRail;
    private final Rail outputRail;

    /** What the rails decided on one call; {@link Verdict#PASS} where a rail did not run. */
    public record Rails(Verdict input, Verdict output) {

        public static final Rails NONE = new Rails(Verdict.PASS, Verdict.PASS);

        /** Every flag of both rails. */
        public List<RailFlag> flags() {
            List<RailFlag> all = new ArrayList<>(input.flags());
            all.addAll(output.flags());
            return all;
        }

        /** The rule ids that fired, for the audit record. */
        public List<String> ruleIds() {
            return flags().stream().map(RailFlag::rule).distinct().limit(50).toList();
        }
    }

    /**
     * What one non-streamed call produced: the client's answer and, for the audit log, what the model saw; and how
     * long the backend took, as the gateway saw it (0 when the input rail answered instead).
     */
    public record Result(ChatResponse response, ChatRequest deidentifiedRequest, String deidentifiedAnswer,
            Rails rails, long backendNanos) {
        @Override
        public String toString() {
            return "Result[" + response + "]";
        }
    }

    public Result complete(ChatCall call) {
        return complete(call, RailContext.DEFAULT_TASK);
    }

    /** As {@link #complete(ChatCall)}, with the rails told which task the call serves (their rules differ). */
    public Result complete(ChatCall call, String task) {
        long t0 = System.nanoTime();
        Prepared p = prepare(call);
        long t1 = System.nanoTime();
        observer.stage("deid", t1 - t0);
        Verdict in = checkInput(p.request(), task);
        long t2 = System.nanoTime();
        observer.stage("rail.input", t2 - t1);
        if (in instanceof Verdict.Block block) {
            call.scope().ifPresent(k -> vault.save(k, p.map()));
            ChatResponse refused = new ChatResponse("rail-" + java.util.UUID.randomUUID(), call.request().model(),
                    block.answer(), FinishReason.STOP, new Usage(0, 0));
            return new Result(refused, p.request(), block.answer(), new Rails(in, Verdict.PASS), 0);
        }
        ChatResponse raw = backend.complete(p.request());
        long t3 = System.nanoTime();
        observer.stage("backend", t3 - t2);
        Verdict out = checkAnswer(raw.content(), p.map(), task);
        long t4 = System.nanoTime();
        observer.stage("rail.output", t4 - t3);
        String answer = switch (out) {
            case Verdict.Block b -> b.answer();
            case Verdict.Flag f -> f.text();
            case Verdict.Pass pass -> raw.content();
        };
        ChatResponse relinked = new ChatResponse(raw.id(), call.request().model(), p.map().relink(answer),
                raw.finishReason(), raw.usage());
        long t5 = System.nanoTime();
        observer.stage("relink", t5 - t4);
        call.scope().ifPresent(k -> vault.save(k, p.map()));
        observer.stage("vault.save", System.nanoTime() - t5);
        return new Result(relinked, p.request(), answer, new Rails(in, out), t3 - t2);
    }

    /** The input rail on the newest user message of a de-identified request. */
    private Verdict checkInput(ChatRequest deidentified, String task) {
        if (inputRail == null) {
            return Verdict.PASS;
        }
        List<ChatMessage> messages = deidentified.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == org.clinigate.core.chat.Role.USER) {
                return inputRail.check(messages.get(i).text(), RailContext.of(task));
            }
        }
        return Verdict.PASS;
    }

    /** The output rail on a de-identified answer, knowing which pseudonyms the scope holds. */
    private Verdict checkAnswer(String deidentifiedAnswer, PhiMap map, String task) {
        if (outputRail == null || deidentifiedAnswer == null || deidentifiedAnswer.isEmpty()) {
            return Verdict.PASS;
        }
        return outputRail.check(deidentifiedAnswer, RailContext.of(task).withPseudonyms(map.replacements()));
    }

    /**
     * A started stream and what the model was sent. {@link ChatStream#await()} returns the model's
     * own (de-identified) answer; the client sink receives it re-linked.
     */
    public record Streaming(ChatStream stream, ChatRequest deidentifiedRequest, Verdict input,
            java.util.function.Function<String, Verdict> answerCheck) {

        /**
         * The output rail on the streamed (de-identified) answer once it has ended: the tokens are already with the
         * client, so the verdict is reported and audited, not enforced. A pass when the input rail blocked.
         */
        public Verdict checkAnswer(String deidentifiedAnswer) {
            return answerCheck.apply(deidentifiedAnswer);
        }
    }

    /** Starts a streamed call; {@code client} receives re-linked text only. */
    public Streaming stream(ChatCall call, ChatSink client) {
        Prepared p = prepare(call);
        call.scope().ifPresent(k -> vault.save(k, p.map()));
        Verdict in = checkInput(p.request(), RailContext.DEFAULT_TASK);
        if (in instanceof Verdict.Block block) {
            ChatResponse refused = new ChatResponse("rail-" + java.util.UUID.randomUUID(), call.request().model(),
                    block.answer(), FinishReason.STOP, new Usage(0, 0));
            return new Streaming(FixedAnswerStream.start(refused, client), p.request(), in, answer -> Verdict.PASS);
        }
        return new Streaming(backend.stream(p.request(), new RelinkingSink(p.map(), client)), p.request(), in,
                answer -> checkAnswer(answer, p.map(), RailContext.DEFAULT_TASK));
    }

    private record Prepared(ChatRequest request, PhiMap map) {
    }

    private Prepared prepare(ChatCall call) {
        PhiMap map = call.scope().map(vault::scope).orElseGet(() -> PhiMap.create("request"));
        Map<PhiCategory, Integer> counts = new EnumMap<>(PhiCategory.class);
        List<ChatMessage> messages = new ArrayList<>();
        List<ChatMessage> in = call.request().messages();
        ScopeKey key = call.scope().orElse(null);
        for (int i = 0; i < in.size(); i++) {
            ChatMessage m = in.get(i);
            // Earlier turns come back with every request; in a named scope their de-identified form is
            // reused. The newest message is always de-identified afresh.
            boolean earlier = key != null && i < in.size() - 1;
            List<ContentPart> parts = new ArrayList<>(m.parts().size());
            for (ContentPart part : m.parts()) {
                if (part instanceof ContentPart.Text t) {
                    String cached = earlier ? history.get(key, map.serial(), m.role(), t.text()) : null;
                    if (cached != null) {
                        parts.add(new ContentPart.Text(cached));
                        continue;
                    }
                    Deidentified d = deidentifier.deidentify(t.text(), PSEUDONYMS, map);
                    for (PhiSpan s : d.spans()) {
                        counts.merge(s.category(), 1, Integer::sum);
                    }
                    if (key != null) {
                        history.put(key, map.serial(), m.role(), t.text(), d.text());
                    }
                    parts.add(new ContentPart.Text(d.text()));
                } else {
                    parts.add(part);
                }
            }
            messages.add(new ChatMessage(m.role(), parts));
        }
        if (!counts.isEmpty()) {
            observer.phiFound(counts);
        }
        ChatRequest r = call.request();
        ChatRequest deidentified = new ChatRequest(r.model(), messages, r.temperature(), r.topP(), r.maxTokens(),
                r.stop(), r.seed(), r.responseFormat(), r.extra());
        return new Prepared(deidentified, map);
    }
}
