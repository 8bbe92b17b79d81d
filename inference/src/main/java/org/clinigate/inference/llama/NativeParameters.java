package org.clinigate.inference.llama;

import de.kherud.llama.InferenceParameters;
import java.util.List;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.ResponseFormat;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The checked inference parameters of one request, and the only place that builds the binding's {@link
 * InferenceParameters}. Every value is range-checked in Java first: llama.cpp reads the parameters as JSON in
 * native code, where a bad value may abort the JVM or, worse, be ignored silently (an unparsable grammar leaves the
 * output unconstrained). {@code setNProbs} is never called: it aborts the binding.
 *
 * @param prompt the rendered prompt, without BOS (the tokenizer adds it)
 * @param promptTokens tokens of the prompt, BOS included
 * @param maxTokens tokens to generate, in [1, slot context - promptTokens]
 * @param grammar a GBNF grammar produced by llama.cpp's own converter from a guarded schema, or null
 * @param loraScale the scale of the model's one loaded LoRA adapter for this request, in [0, 4] (0: the base
 *     model), or null when the model has no adapter (the field is then not sent: llama.cpp would refuse the id)
 */
record NativeParameters(String prompt, int promptTokens, int maxTokens, Float temperature, Float topP, Integer seed,
        List<String> stop, String grammar, boolean cachePrompt, Float loraScale) {

    static final int MAX_STOP_CHARS = 64;

    NativeParameters {
        stop = List.copyOf(stop);
        if (prompt.isEmpty()) {
            throw new ClinigateException(ErrorCode.CG_1999, "empty prompt reached the native boundary");
        }
        if (grammar != null && grammar.isBlank()) {
            throw new ClinigateException(ErrorCode.CG_1999, "empty grammar reached the native boundary");
        }
        if (loraScale != null && !(loraScale >= 0 && loraScale <= 4)) {
            throw new ClinigateException(ErrorCode.CG_1999, "LoRA scale out of [0, 4] reached the native boundary");
        }
    }

    /**
     * Checks {@code request} against the slot's context window and the binding's ranges.
     *
     * @param grammars converts a guarded schema to a grammar (native; never sees unguarded input)
     */
    static NativeParameters of(ChatRequest request, String prompt, int promptTokens, LlamaConfig config,
            Grammars grammars, Float loraScale) {
        int room = config.slotContext() - promptTokens;
        if (room < 1) {
            throw new ClinigateException(ErrorCode.CG_2004, "the prompt has " + promptTokens
                    + " tokens; the context window of one slot holds " + config.slotContext());
        }
        int maxTokens = request.maxTokens() == null ? Math.min(config.defaultMaxTokens(), room) : request.maxTokens();
        if (maxTokens > room) {
            throw new ClinigateException(ErrorCode.CG_2004, "prompt (" + promptTokens + " tokens) plus max_tokens ("
                    + maxTokens + ") exceed the context window of one slot (" + config.slotContext() + ")");
        }
        return new NativeParameters(prompt, promptTokens, maxTokens, toFloat(request.temperature()),
                toFloat(request.topP()), seed(request.seed()), stops(request.stop()),
                grammar(request.responseFormat(), grammars), config.cachePrompt(), loraScale);
    }

    /** The binding's parameters; call only on a record built by {@link #of}. */
    InferenceParameters toBinding() {
        InferenceParameters p = new InferenceParameters(prompt).setNPredict(maxTokens).setCachePrompt(cachePrompt);
        if (temperature != null) {
            p.setTemperature(temperature);
        }
        if (topP != null) {
            p.setTopP(topP);
        }
        if (seed != null) {
            p.setSeed(seed);
        }
        if (!stop.isEmpty()) {
            p.setStopStrings(stop.toArray(String[]::new));
        }
        if (grammar != null) {
            p.setGrammar(grammar);
        }
        if (loraScale != null) {
            // llama.cpp's per-request adapter list (its server's "lora" field); the binding has no setter for it.
            RawParameters.put(p, "lora", "[{\"id\": 0, \"scale\": " + loraScale + "}]");
        }
        return p;
    }

    private static Float toFloat(Double d) {
        // ChatRequest has already checked the range, and rejected NaN.
        return d == null ? null : d.floatValue();
    }

    /** llama.cpp keeps seeds as uint32 and reads 0xFFFFFFFF as "random", so only [0, 2^31 - 1] is accepted. */
    private static Integer seed(Long seed) {
        if (seed == null) {
            return null;
        }
        if (seed < 0 || seed > Integer.MAX_VALUE) {
            throw new ClinigateException(ErrorCode.CG_2001, "seed must be in [0, 2147483647] for in-process models");
        }
        return seed.intValue();
    }

    private static List<String> stops(List<String> stop) {
        for (String s : stop) {
            if (s.length() > MAX_STOP_CHARS || s.indexOf('\0') >= 0) {
                throw new ClinigateException(ErrorCode.CG_2001,
                        "each stop sequence must be 1 to " + MAX_STOP_CHARS + " characters without NUL");
            }
        }
        return stop;
    }

    private static String grammar(ResponseFormat format, Grammars grammars) {
        return switch (format) {
            case ResponseFormat.Text t -> null;
            case ResponseFormat.JsonObject o -> grammars.anyObject();
            case ResponseFormat.JsonSchema s -> grammars.forSchema(s.schemaJson());
        };
    }

    @Override
    public String toString() {
        return "NativeParameters[promptChars=" + prompt.length() + ", promptTokens=" + promptTokens + ", maxTokens="
                + maxTokens + ", temperature=" + temperature + ", topP=" + topP + ", seed="
                + (seed == null ? "none" : "set") + ", stops=" + stop.size() + ", grammar="
                + (grammar == null ? "none" : grammar.length() + " chars") + ", lora=" + loraScale + "]";
    }
}
