package org.clinigate.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.health.Readiness;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Deidentifier;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.phi.PhiSpan;
import org.junit.jupiter.api.Test;

class ChatPipelineTest {

    /** Replaces the word "Quill" with a pseudonym, and counts its calls. */
    static final class CountingDeidentifier implements Deidentifier {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<PhiSpan> detect(String text) {
            int at = text.indexOf("Quill");
            return at < 0 ? List.of() : List.of(new PhiSpan(at, at + 5, PhiCategory.NAME));
        }

        @Override
        public Deidentified deidentify(String text, DeidPolicy policy, PhiMap scope) {
            calls.incrementAndGet();
            List<PhiSpan> spans = detect(text);
            String out = text;
            if (!spans.isEmpty()) {
                out = text.replace("Quill", scope.replacementFor(PhiCategory.NAME, "Quill", n -> "[NAME_" + n + "]"));
            }
            return new Deidentified(out, spans);
        }
    }

    static final class EchoBackend implements ChatBackend {
        final List<ChatRequest> seen = new ArrayList<>();

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public Set<String> models() {
            return Set.of("m");
        }

        @Override
        public ChatResponse complete(ChatRequest r) {
            seen.add(r);
            return new ChatResponse("1", "m", r.messages().get(r.messages().size() - 1).text(), FinishReason.STOP,
                    Usage.NONE);
        }

        @Override
        public ChatStream stream(ChatRequest r, ChatSink sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Readiness readiness() {
            return Readiness.ready("echo");
        }
    }

    @Test
    void a_conversations_history_is_deidentified_once_and_the_new_turn_always() {
        CountingDeidentifier deid = new CountingDeidentifier();
        EchoBackend backend = new EchoBackend();
        ChatPipeline p = new ChatPipeline(deid, backend, new InMemoryVault(10), PipelineObserver.NONE);
        List<ChatMessage> turns = new ArrayList<>();
        for (int turn = 0; turn < 5; turn++) {
            turns.add(ChatMessage.user("turn " + turn + " about Quill"));
            ChatRequest r = new ChatRequest("m", turns, null, null, null, null, null, null, null);
            ChatResponse answer = p.complete(new ChatCall(Principal.local(), r, null, "conv-1")).response();
            assertThat(answer.content()).isEqualTo("turn " + turn + " about Quill");
            turns.add(ChatMessage.assistant(answer.content()));
        }
        // Without the cache: 1 + 3 + 5 + 7 + 9 = 25 calls. With it, each message once (the new user
        // turn, plus the previous answer the first time it comes back).
        assertThat(deid.calls.get()).isEqualTo(9);
        assertThat(backend.seen.get(4).messages()).allSatisfy(m -> assertThat(m.text()).doesNotContain("Quill"));
    }

    @Test
    void without_a_scope_nothing_is_cached() {
        CountingDeidentifier deid = new CountingDeidentifier();
        ChatPipeline p = new ChatPipeline(deid, new EchoBackend(), new InMemoryVault(10), PipelineObserver.NONE);
        List<ChatMessage> turns = List.of(ChatMessage.user("a Quill"), ChatMessage.assistant("b"),
                ChatMessage.user("c"));
        ChatRequest r = new ChatRequest("m", turns, null, null, null, null, null, null, null);
        p.complete(new ChatCall(Principal.local(), r, null, null));
        p.complete(new ChatCall(Principal.local(), r, null, null));
        assertThat(deid.calls.get()).isEqualTo(6);
    }
}
