package org.clinigate.core.pipeline;

import java.util.regex.Pattern;
import org.clinigate.core.chat.ChatResponse;
import org.clinigate.core.chat.ChatSink;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.phi.PhiMap;

/**
 * Re-links pseudonyms in a streamed answer before the client sees it. A pseudonym can arrive split
 * across chunks ("[NA" then "ME_1]"), so a trailing piece that could still grow into one is held back
 * until the next chunk completes or refutes it, or until the stream ends.
 *
 * <p>Called by one backend thread at a time, as {@link ChatSink} promises; not thread safe otherwise.
 */
public final class RelinkingSink implements ChatSink {

    /** The longest pseudonym: "[" + category + "_" + nine digits + "]". */
    static final int MAX_PSEUDONYM = 40;
    private static final Pattern PARTIAL = Pattern.compile("\\[(?:[A-Z][A-Z_]*(?:_[0-9]{0,9})?)?");

    private final PhiMap map;
    private final ChatSink client;
    private final StringBuilder pending = new StringBuilder();

    public RelinkingSink(PhiMap map, ChatSink client) {
        this.map = map;
        this.client = client;
    }

    @Override
    public void onToken(String delta) {
        pending.append(delta);
        int hold = holdFrom(pending);
        if (hold == 0) {
            return;
        }
        String ready = pending.substring(0, hold);
        pending.delete(0, hold);
        String out = map.relink(ready);
        if (!out.isEmpty()) {
            client.onToken(out);
        }
    }

    @Override
    public void onComplete(ChatResponse response) {
        flush();
        client.onComplete(new ChatResponse(response.id(), response.model(), map.relink(response.content()),
                response.finishReason(), response.usage()));
    }

    @Override
    public void onError(ClinigateException error) {
        flush();
        client.onError(error);
    }

    private void flush() {
        if (!pending.isEmpty()) {
            String out = map.relink(pending.toString());
            pending.setLength(0);
            try {
                client.onToken(out);
            } catch (RuntimeException ignored) {
                // The client is gone; the terminal callback still follows.
            }
        }
    }

    /**
     * The index up to which {@code text} can be sent: the start of a trailing "[..." that may still
     * become a pseudonym, or the whole length.
     */
    static int holdFrom(CharSequence text) {
        int open = -1;
        for (int i = text.length() - 1; i >= 0 && i >= text.length() - MAX_PSEUDONYM; i--) {
            char c = text.charAt(i);
            if (c == ']') {
                break;
            }
            if (c == '[') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return text.length();
        }
        CharSequence tail = text.subSequence(open, text.length());
        return PARTIAL.matcher(tail).matches() ? open : text.length();
    }
}
