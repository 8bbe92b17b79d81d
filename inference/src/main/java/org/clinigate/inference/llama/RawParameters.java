package org.clinigate.inference.llama;

import de.kherud.llama.InferenceParameters;
import java.lang.reflect.Field;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * Writes a field the binding has no setter for into its parameter map (JSON text by key, which native code parses
 * as the llama.cpp server's request body). Reflection on a package-private field of de.kherud:llama 4.2.0; a
 * binding without that field fails here with {@code CG-2107} before anything reaches native code. Values must be
 * JSON built from checked numbers only.
 */
final class RawParameters {

    private static final Field PARAMETERS = field();

    private RawParameters() {
    }

    @SuppressWarnings("unchecked")
    static void put(InferenceParameters p, String key, String json) {
        if (PARAMETERS == null) {
            throw new ClinigateException(ErrorCode.CG_2107,
                    "this build of de.kherud:llama cannot select a LoRA adapter per request");
        }
        try {
            ((Map<String, String>) PARAMETERS.get(p)).put(key, json);
        } catch (IllegalAccessException e) {
            throw new ClinigateException(ErrorCode.CG_2107,
                    "this build of de.kherud:llama cannot select a LoRA adapter per request");
        }
    }

    private static Field field() {
        try {
            Field f = Class.forName("de.kherud.llama.JsonParameters").getDeclaredField("parameters");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
