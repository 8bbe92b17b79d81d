package org.clinigate.safety.medication;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.safety.config.Params;
import org.clinigate.safety.config.Yaml;

/**
 * The dose-limit table: one {@link Drug} per row, each citing its FDA label. Loaded from YAML and validated: every
 * row needs a name, a unit ({@code mg} or {@code mcg}), at least one limit and at least one citation with label,
 * issuer, section and how it was checked. Errors are {@link ErrorCode#CG_6002} and name the drug and the field.
 * Immutable and thread safe.
 *
 * <pre>
 * table: clinigate-dose-limits
 * version: 1.0.0
 * drugs:
 *   - name: acetaminophen
 *     aliases: [paracetamol, tylenol]
 *     unit: mg
 *     adult_from_age: 13          # adult limits from this age (default 18)
 *     not_under_age: 2            # the label advises against use below this age (optional)
 *     interval: daily             # or weekly
 *     adult: {any: {max_single: 1000, max_daily: 4000, basis: label-maximum}}
 *     pediatric: {any: {max_per_kg_dose: 15, max_per_kg_day: 75}}
 *     citations: [{label: ..., issuer: ..., section: ..., setid: ..., checked: label-copy}]
 * </pre>
 */
public final class DoseTable {

    /** The bundled table. */
    public static final String RESOURCE = "/org/clinigate/safety/dose-limits.yaml";

    private static final Set<String> BASES = Set.of("label-maximum", "label-highest", "usual-upper");
    static final Set<String> CHECKS = Set.of("openfda-excerpt", "label-copy", "unverified");

    private final String id;
    private final String version;
    private final Map<String, Drug> drugs;

    private DoseTable(String id, String version, Map<String, Drug> drugs) {
        this.id = id;
        this.version = version;
        this.drugs = drugs;
    }

    /** The table bundled with the module. */
    public static DoseTable defaults() {
        return parse(Yaml.resource(RESOURCE, ErrorCode.CG_6002), RESOURCE);
    }

    /** A table from a file. */
    public static DoseTable load(Path file) {
        return parse(Yaml.read(file, ErrorCode.CG_6002), file.getFileName().toString());
    }

    static DoseTable parse(JsonNode root, String name) {
        Params top = Params.of(root, ErrorCode.CG_6002, "dose table " + name, "");
        String id = top.text("table");
        String version = top.text("version");
        top.optText("description");
        Map<String, Drug> drugs = new LinkedHashMap<>();
        for (Params row : top.objects("drugs", true)) {
            Drug d = drug(row, "dose table '" + id + "'");
            if (drugs.putIfAbsent(d.name(), d) != null) {
                throw row.fail("name", "duplicate drug");
            }
        }
        top.done();
        return new DoseTable(id, version, Map.copyOf(drugs));
    }

    private static Drug drug(Params row, String place) {
        String name = row.text("name").toLowerCase(Locale.ROOT);
        Params p = row.at(place + ", drug '" + name + "'");
        List<String> aliases = p.texts("aliases", List.of()).stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        String unit = p.text("unit");
        double toMg = switch (unit) {
            case "mg" -> 1;
            case "mcg" -> 0.001;
            default -> throw p.fail("unit", "must be mg or mcg");
        };
        double adultFrom = p.number("adult_from_age", 18, 0);
        Double notUnder = p.has("not_under_age") ? p.number("not_under_age", 0, 0) : null;
        String interval = p.text("interval", "daily");
        if (!interval.equals("daily") && !interval.equals("weekly")) {
            throw p.fail("interval", "must be daily or weekly");
        }
        Map<Route, Limits> adult = routes(p, "adult", toMg);
        Map<Route, Limits> pediatric = routes(p, "pediatric", toMg);
        if (adult.isEmpty() && pediatric.isEmpty() && notUnder == null) {
            throw p.fail("adult", "a drug needs adult or pediatric limits, or not_under_age");
        }
        List<LabelCitation> citations = new ArrayList<>();
        for (Params c : p.objects("citations", true)) {
            citations.add(citation(c));
        }
        String note = p.text("note", "");
        p.done();
        return new Drug(name, aliases, unit, adult, pediatric, adultFrom, notUnder, interval.equals("weekly"),
                citations, note);
    }

    private static Map<Route, Limits> routes(Params p, String field, double toMg) {
        Map<Route, Limits> out = new EnumMap<>(Route.class);
        for (Map.Entry<String, Params> e : p.objectMap(field).entrySet()) {
            Route r;
            try {
                r = Route.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw p.fail(field + "." + e.getKey(), "route must be oral, parenteral or any");
            }
            Params l = e.getValue();
            Limits limits = new Limits(mg(l.positive("max_single"), toMg), mg(l.positive("max_daily"), toMg), mg(l
                    .positive("max_weekly"), toMg), mg(l.positive("max_per_kg_dose"), toMg), mg(
                            l.positive(
                                    "max_per_kg_day"),
                            toMg),
                    l.text("basis", "label-maximum"));
            if (!BASES.contains(limits.basis())) {
                throw l.fail("basis", "must be one of " + BASES);
            }
            l.done();
            if (limits.isEmpty()) {
                throw l.fail("max_single", "a route needs at least one limit");
            }
            out.put(r, limits);
        }
        return out;
    }

    private static Double mg(Double v, double toMg) {
        return v == null ? null : v * toMg;
    }

    private static LabelCitation citation(Params c) {
        LabelCitation lc = new LabelCitation(c.text("label"), c.text("issuer"), c.text("section"), c.text("setid",
                null), c.text("checked"));
        if (!CHECKS.contains(lc.checked())) {
            throw c.fail("checked", "must be one of " + CHECKS);
        }
        c.done();
        return lc;
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    /** The row of a canonical drug name. */
    public Optional<Drug> drug(String canonicalName) {
        return Optional.ofNullable(drugs.get(canonicalName));
    }

    public Collection<Drug> drugs() {
        return drugs.values();
    }

    /** Checks that a table file is valid, for tools; throws {@link ClinigateException} naming the problem. */
    public static void validate(Path file) {
        load(file);
    }
}
