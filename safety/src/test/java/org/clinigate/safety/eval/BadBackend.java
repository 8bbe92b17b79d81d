package org.clinigate.safety.eval;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.clinigate.core.chat.ChatBackend;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.chat.ChatStream;
import org.clinigate.core.chat.FinishReason;
import org.clinigate.core.chat.Usage;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.health.Readiness;

/**
 * A backend that answers every request with the next of a list of scripted answers, whatever was asked: the
 * deliberately bad model of DESIGN.md's rule 4, for putting generated answers through the same port a real model
 * uses. Streaming is not offered. Not thread safe.
 */
final class BadBackend implements ChatBackend {

    private final Iterator<WorstCaseModel.Output> answers;
    private int served;

    BadBackend(List<WorstCaseModel.Output> answers) {
        this.answers = answers.iterator();
    }

    @Override
    public String name() {
        return "worst-case";
    }

    @Override
    public Set<String> models() {
        return Set.of("worst-case");
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        if (!request.model().equals("worst-case")) {
            throw new ClinigateException(ErrorCode.CG_2002, "no such model");
        }
        String text = answers.next().text();
        served++;
        return new ChatResponse("bad-" + served, request.model(), text, FinishReason.STOP, new Usage(10, text
                .length() / 4));
    }

    @Override
    public ChatStream stream(ChatRequest request, ChatSink sink) {
        throw new ClinigateException(ErrorCode.CG_2003, "the worst-case backend does not stream");
    }

    @Override
    public Readiness readiness() {
        return Readiness.ready("scripted");
    }
}
