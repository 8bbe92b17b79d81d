package org.clinigate.safety.medication;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.safety.config.Params;
import org.clinigate.safety.config.Yaml;

/**
 * The interaction table: named drug groups (each drug with the names it is written by) and pairs of groups that the
 * labels list as contraindicated or dangerous together. Errors are {@link ErrorCode#CG_6002} and name the group or
 * pair and the field. Immutable and thread safe.
 *
 * <pre>
 * table: clinigate-interactions
 * version: 1.0.0
 * groups:
 *   nsaid: {ibuprofen: [advil, motrin], naproxen: [aleve]}
 * pairs:
 *   - id: warfarin-nsaid
 *     first: [warfarin]           # drug names or group names
 *     second: [nsaid]
 *     risk: serious bleeding
 *     citations: [...]
 * </pre>
 */
public final class Interactions {

    /** The bundled table. */
    public static final String RESOURCE = "/org/clinigate/safety/interactions.yaml";

    private final String version;
    private final Map<String, List<String>> aliases;
    private final List<InteractionPair> pairs;

    private Interactions(String version, Map<String, List<String>> aliases, List<InteractionPair> pairs) {
        this.version = version;
        this.aliases = aliases;
        this.pairs = pairs;
    }

    public static Interactions defaults() {
        return parse(Yaml.resource(RESOURCE, ErrorCode.CG_6002), RESOURCE);
    }

    public static Interactions load(Path file) {
        return parse(Yaml.read(file, ErrorCode.CG_6002), file.getFileName().toString());
    }

    static Interactions parse(JsonNode root, String name) {
        Params top = Params.of(root, ErrorCode.CG_6002, "interaction table " + name, "");
        top.text("table");
        String version = top.text("version");
        top.optText("description");
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (Map.Entry<String, Params> g : top.objectMap("groups").entrySet()) {
            Map<String, List<String>> members = g.getValue().asTextLists();
            Set<String> names = new LinkedHashSet<>();
            for (Map.Entry<String, List<String>> d : members.entrySet()) {
                String drug = d.getKey().toLowerCase(Locale.ROOT);
                names.add(drug);
                aliases.merge(drug, d.getValue().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList(), (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                });
            }
            groups.put(g.getKey().toLowerCase(Locale.ROOT), names);
        }
        List<InteractionPair> pairs = new ArrayList<>();
        for (Params p : top.objects("pairs", true)) {
            String id = p.text("id");
            Params q = p.at("interaction table " + name + ", pair '" + id + "'");
            Set<String> first = expand(q, "first", groups);
            Set<String> second = expand(q, "second", groups);
            String risk = q.text("risk");
            List<LabelCitation> cites = new ArrayList<>();
            for (Params c : q.objects("citations", true)) {
                LabelCitation lc = new LabelCitation(c.text("label"), c.text("issuer"), c.text("section"), c.text(
                        "setid", null), c.text("checked"));
                if (!DoseTable.CHECKS.contains(lc.checked())) {
                    throw c.fail("checked", "must be one of " + DoseTable.CHECKS);
                }
                cites.add(lc);
                c.done();
            }
            q.done();
            pairs.add(new InteractionPair(id, first, second, risk, cites));
        }
        top.done();
        return new Interactions(version, Map.copyOf(aliases), List.copyOf(pairs));
    }

    private static Set<String> expand(Params q, String field, Map<String, Set<String>> groups) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : q.texts(field)) {
            String k = n.toLowerCase(Locale.ROOT);
            out.addAll(groups.getOrDefault(k, Set.of(k)));
        }
        return out;
    }

    public String version() {
        return version;
    }

    /** Each drug named in a group, with the other names it is written by. */
    public Map<String, List<String>> aliases() {
        return aliases;
    }

    public List<InteractionPair> pairs() {
        return pairs;
    }
}
