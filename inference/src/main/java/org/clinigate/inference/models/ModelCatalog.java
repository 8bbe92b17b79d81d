package org.clinigate.inference.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The built-in list of known GGUF files ({@code catalog.json} next to this class). Immutable and thread safe. A
 * missing or malformed resource fails with {@link ErrorCode#CG_1009}; an unknown id with {@link ErrorCode#CG_1001}.
 */
public final class ModelCatalog {

    private static final String RESOURCE = "catalog.json";

    private final List<ModelSpec> models;

    public ModelCatalog(List<ModelSpec> models) {
        this.models = List.copyOf(models);
    }

    /** The catalogue shipped with Clinigate. */
    public static ModelCatalog builtIn() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ClinigateException(ErrorCode.CG_1009, "missing bundled resource " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "cannot read bundled " + RESOURCE, e);
        }
    }

    private static ModelCatalog parse(JsonNode root) {
        JsonNode list = root.path("models");
        if (!list.isArray()) {
            throw new ClinigateException(ErrorCode.CG_1009, RESOURCE + " has no models array");
        }
        List<ModelSpec> specs = new ArrayList<>();
        for (JsonNode m : list) {
            specs.add(new ModelSpec(text(m, "id"), text(m, "repo"), m.path("revision").asText("main"),
                    text(m, "file"), m.hasNonNull("sha256") ? m.get("sha256").asText() : null,
                    m.path("gated").asBoolean(false), m.hasNonNull("licence") ? m.get("licence").asText() : null));
        }
        return new ModelCatalog(specs);
    }

    private static String text(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new ClinigateException(ErrorCode.CG_1009, RESOURCE + ": a model lacks " + field);
        }
        return node.get(field).asText();
    }

    public List<ModelSpec> models() {
        return models;
    }

    public Optional<ModelSpec> find(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The entry, or CG-1001 listing the known ids. */
    public ModelSpec require(String id) {
        return find(id).orElseThrow(() -> new ClinigateException(ErrorCode.CG_1001, "unknown model id " + id
                + "; known: " + String.join(", ", models.stream().map(ModelSpec::id).toList())
                + " (or give --repo and --file for any GGUF on Hugging Face)"));
    }
}
