package org.clinigate.server.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads {@link GatewayConfig}: built-in defaults, then the YAML file, then {@code CLINIGATE_<PATH>}
 * environment variables, then validation. Any wrong setting fails start-up with a message that
 * names it. Stateless.
 */
public final class ConfigLoader {

    /**
     * Variables that are not settings: the launcher's own, and secrets read by name (the audit chain key). The
     * variables named by any {@code *_env} setting (db.password_env, vault.keyset_env, backends[i].api_key_env)
     * hold secrets too and are skipped as well.
     */
    private static final List<String> LAUNCHER_VARIABLES = List.of("CLINIGATE_JAVA_OPTS", "CLINIGATE_JAVA",
            "CLINIGATE_AUDIT_KEY");
    private static final String PREFIX = "CLINIGATE_";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public GatewayConfig load(Path file, Map<String, String> env) {
        ObjectNode tree = resource("defaults.yaml");
        if (file != null) {
            merge(tree, readFile(file), "");
        }
        applyBackendDefaults(tree);
        applyEnvironment(tree, env);
        applyBackendDefaults(tree);
        GatewayConfig config = bind(tree);
        Validator.validate(config);
        return config;
    }

    private ObjectNode readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode n = yaml.readTree(in);
            if (n == null || n.isMissingNode() || n.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!n.isObject()) {
                throw ConfigException.of("(file)", "the configuration file must hold a YAML mapping");
            }
            return (ObjectNode) n;
        } catch (NoSuchFileException e) {
            throw ConfigException.of("--config", "the file does not exist");
        } catch (IOException e) {
            throw ConfigException.of("--config", "not valid YAML (" + e.getClass().getSimpleName() + ")");
        }
    }

    private ObjectNode resource(String name) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(name)) {
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("bundled configuration " + name + " is missing", e);
        }
    }

    /** Copies {@code from} into {@code into}; a key the defaults do not know is an error naming it. */
    private static void merge(ObjectNode into, ObjectNode from, String path) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode existing = into.get(e.getKey());
            if (existing == null) {
                throw ConfigException.of(name, "unknown setting; allowed here: " + names(into));
            }
            if (existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), name);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private void applyBackendDefaults(ObjectNode tree) {
        JsonNode backends = tree.get("backends");
        if (backends == null || backends.isNull()) {
            tree.set("backends", JsonNodeFactory.instance.arrayNode());
            return;
        }
        if (!backends.isArray()) {
            throw ConfigException.of("backends", "must be a list");
        }
        for (int i = 0; i < backends.size(); i++) {
            JsonNode b = backends.get(i);
            if (!b.isObject()) {
                throw ConfigException.of("backends[" + i + "]", "must be a mapping");
            }
            ObjectNode full = resource("backend-defaults.yaml");
            merge(full, (ObjectNode) b, "backends[" + i + "]");
            ((ArrayNode) backends).set(i, full);
        }
    }

    private void applyEnvironment(ObjectNode tree, Map<String, String> env) {
        java.util.Set<String> secrets = new java.util.HashSet<>(LAUNCHER_VARIABLES);
        secretNames(tree, secrets);
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String var = e.getKey();
            if (!var.startsWith(PREFIX) || secrets.contains(var)) {
                continue;
            }
            List<String> words = new ArrayList<>(
                    Arrays.asList(var.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split("_")));
            set(tree, words, e.getValue(), var);
        }
    }

    /** The values of every {@code *_env} setting: names of variables that hold secrets. */
    private static void secretNames(JsonNode node, java.util.Set<String> into) {
        if (node instanceof ObjectNode obj) {
            obj.fields().forEachRemaining(f -> {
                if (f.getKey().endsWith("_env") && f.getValue().isTextual() && !f.getValue().asText().isBlank()) {
                    into.add(f.getValue().asText());
                } else {
                    secretNames(f.getValue(), into);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> secretNames(n, into));
        }
    }

    /** The defaults of a new entry of the list named {@code listKey}. */
    private ObjectNode newEntry(String listKey, String var) {
        return switch (listKey) {
            case "backends" -> resource("backend-defaults.yaml");
            case "overrides" -> JsonNodeFactory.instance.objectNode().put("tenant", "")
                    .put("requests_per_minute", 0).put("tokens_per_minute", 0);
            case "thresholds" -> JsonNodeFactory.instance.objectNode().put("metric", "").putNull("min").putNull("max");
            default -> throw ConfigException.of(var, "this list cannot be extended from the environment");
        };
    }

    /** Walks the words of a variable name down the tree, matching multi-word keys such as max_body_bytes. */
    private void set(JsonNode node, List<String> words, String value, String var) {
        set(node, words, value, var, "");
    }

    private void set(JsonNode node, List<String> words, String value, String var, String listKey) {
        if (node instanceof ArrayNode array) {
            int index = parseIndex(words.isEmpty() ? "" : words.get(0), var);
            if (index > array.size()) {
                throw ConfigException.of(var, "list index " + index + " skips entries; the next is " + array.size());
            }
            if (index == array.size()) {
                array.add(newEntry(listKey, var));
            }
            set(array.get(index), words.subList(1, words.size()), value, var, listKey);
            return;
        }
        ObjectNode obj = (ObjectNode) node;
        List<String> keys = new ArrayList<>();
        obj.fieldNames().forEachRemaining(keys::add);
        keys.sort(Comparator.comparingInt((String k) -> k.split("_").length).reversed());
        for (String key : keys) {
            List<String> keyWords = Arrays.asList(key.split("_"));
            if (words.size() >= keyWords.size() && words.subList(0, keyWords.size()).equals(keyWords)) {
                List<String> rest = words.subList(keyWords.size(), words.size());
                JsonNode child = obj.get(key);
                if (rest.isEmpty()) {
                    obj.set(key, scalar(child, value));
                    return;
                }
                if (child.isContainerNode()) {
                    set(child, rest, value, var, key);
                    return;
                }
            }
        }
        throw ConfigException.of(var, "names no setting; allowed here: " + String.join(", ", keys));
    }

    private static JsonNode scalar(JsonNode current, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (current != null && current.isArray()) {
            ArrayNode a = f.arrayNode();
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    a.add(part.strip());
                }
            }
            return a;
        }
        return f.textNode(value);
    }

    private static int parseIndex(String word, String var) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw ConfigException.of(var, "expected a list index after the list's name");
        }
    }

    private GatewayConfig bind(ObjectNode tree) {
        try {
            return yaml.treeToValue(tree, GatewayConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw ConfigException.of(pathOf(e), "unknown setting");
        } catch (IOException | IllegalArgumentException e) {
            String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? pathOf(m) : "(config)";
            throw ConfigException.of(where, "has a value of the wrong type");
        }
    }

    private static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(config)" : sb.toString();
    }

    private static String names(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return String.join(", ", keys);
    }
}
