package org.clinigate.safety.rules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.clinigate.safety.config.Params;

/**
 * Fires when a text lacks its task's required disclaimer. Each task may name its own pattern (any match counts as
 * the disclaimer being present) and the text a reviewer should add, or say {@code required: false}; other tasks use
 * {@code default}. The hit is the empty range at the end of the text, where the disclaimer belongs.
 *
 * <pre>
 * detector:
 *   type: disclaimer
 *   default: {pattern: [regex, ...], text: "..."}
 *   tasks:
 *     radiology-draft: {pattern: [...], text: "..."}
 *     chat: {required: false}
 * </pre>
 */
final class DisclaimerDetector implements Detector {

    private record Requirement(Pattern pattern, Prefilter prefilter, String text) {
        boolean present(String folded) {
            return (prefilter == null || prefilter.mayMatch(folded)) && pattern.matcher(folded).find();
        }
    }

    private final Requirement fallback;
    private final Map<String, Requirement> byTask;

    private DisclaimerDetector(Requirement fallback, Map<String, Requirement> byTask) {
        this.fallback = fallback;
        this.byTask = byTask;
    }

    static DisclaimerDetector create(Params p) {
        Requirement fallback = requirement(p.object("default"));
        Map<String, Requirement> byTask = new HashMap<>();
        for (Map.Entry<String, Params> e : p.objectMap("tasks").entrySet()) {
            byTask.put(e.getKey(), requirement(e.getValue()));
        }
        return new DisclaimerDetector(fallback, byTask);
    }

    private static Requirement requirement(Params r) {
        if (!r.bool("required", true)) {
            r.done();
            return null;
        }
        Pattern pattern = r.regex("pattern");
        Requirement req = new Requirement(pattern, Prefilter.of(java.util.List.of(pattern.pattern())), r.text("text"));
        r.done();
        return req;
    }

    @Override
    public void detect(Inspection in, Consumer<Hit> out) {
        String task = in.context().task().toLowerCase(Locale.ROOT);
        Requirement r = byTask.containsKey(task) ? byTask.get(task) : fallback;
        if (r == null || r.present(in.folded())) {
            return;
        }
        int end = in.text().length();
        out.accept(new Hit(end, end, "required disclaimer missing; add: \"" + r.text + "\""));
    }
}
