package org.clinigate.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.Role;
import org.clinigate.core.chat.StreamControl;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.health.Readiness;

/**
 * A backend for tests that records every request it receives and answers by echoing the user text it
 * was given, so that an answer carries the same pseudonyms the prompt did. Streams in small chunks
 * that split pseudonyms, and can be told to fail, to stall, or to be slow.
 */
final class ScriptedBackend implements ChatBackend {

    enum Behaviour {
        ECHO, FAIL_BEFORE_FIRST_TOKEN, FAIL_MID_STREAM, SLOW
    }

    final List<ChatRequest> received = new CopyOnWriteArrayList<>();
    final AtomicInteger cancelled = new AtomicInteger();
    volatile Behaviour behaviour = Behaviour.ECHO;
    volatile int chunkChars = 3;
    volatile long delayMillis = 0;

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Set<String> models() {
        return Set.of("test-model");
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        received.add(request);
        if (behaviour == Behaviour.FAIL_BEFORE_FIRST_TOKEN) {
            throw new ClinigateException(ErrorCode.CG_2101, "backend unreachable (test)");
        }
        String answer = answer(request);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis); // one delay for the whole answer, as a model would take
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClinigateException(ErrorCode.CG_2103, "interrupted (test)");
            }
        }
        return new ChatResponse("r1", request.model(), answer, FinishReason.STOP, new Usage(10, answer.length()));
    }

    @Override
    public ChatStream stream(ChatRequest request, ChatSink sink) {
        received.add(request);
        StreamControl control = new StreamControl(sink);
        control.onCancel(cancelled::incrementAndGet);
        Thread.ofVirtual().start(() -> produce(request, control));
        return control;
    }

    private void produce(ChatRequest request, StreamControl control) {
        String answer = answer(request);
        if (behaviour == Behaviour.FAIL_BEFORE_FIRST_TOKEN) {
            control.fail(new ClinigateException(ErrorCode.CG_2101, "backend unreachable (test)"));
            return;
        }
        for (int i = 0; i < answer.length(); i += chunkChars) {
            if (behaviour == Behaviour.FAIL_MID_STREAM && i >= answer.length() / 2) {
                control.fail(new ClinigateException(ErrorCode.CG_2103, "stream cut short (test)"));
                return;
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    control.failCancelled();
                    return;
                }
            }
            if (!control.token(answer.substring(i, Math.min(answer.length(), i + chunkChars)))) {
                control.failCancelled();
                return;
            }
        }
        control.complete(new ChatResponse("r1", request.model(), answer, FinishReason.STOP,
                new Usage(10, control.tokens())));
    }

    private final java.util.Deque<String> scripted = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** The next call answers with {@code text} instead of echoing the user. */
    void answerWith(String text) {
        scripted.add(text);
    }

    private String answer(ChatRequest request) {
        String next = scripted.poll();
        if (next != null) {
            return next;
        }
        return "You said: " + request.messages().stream().filter(m -> m.role() == Role.USER)
                .map(ChatMessage::text).collect(Collectors.joining(" | "));
    }

    /** Everything this backend was sent, as one string, for leak checks. */
    String everythingReceived() {
        return received.stream().flatMap(r -> r.messages().stream()).map(ChatMessage::text)
                .collect(Collectors.joining("\n"));
    }

    @Override
    public Readiness readiness() {
        return Readiness.ready("scripted backend");
    }
}
