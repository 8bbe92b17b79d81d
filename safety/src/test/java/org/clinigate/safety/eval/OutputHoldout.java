package org.clinigate.safety.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailSource;

/**
 * The hand-written held-out outputs ({@code output-holdout.jsonl}): each line an expected kind (med, interaction,
 * certainty, disclaimer, citation, pseudonym or pass) and a record in the {@code clinigate check} input format.
 */
public final class OutputHoldout {

    private static final Map<String, Set<String>> RULES = Map.of("med", Set.of("output.med.overdose-single",
            "output.med.overdose-daily", "output.med.tenfold", "output.med.unit-confusion", "output.med.interval",
            "output.med.pediatric"), "interaction", Set.of("output.med.interaction"), "certainty",
            Set.of(
                    "output.certainty"),
            "disclaimer", Set.of("output.disclaimer.missing"), "citation", Set.of(
                    "output.citation.unknown-source", "output.citation.possibly-fabricated"),
            "pseudonym",
            Set.of("output.pseudonym.out-of-scope"), "pass", Set.of());

    private OutputHoldout() {
    }

    /** The outputs as generator outputs, so that {@link OutputReport} can tally them. */
    public static List<WorstCaseModel.Output> load() {
        ObjectMapper json = new ObjectMapper();
        List<WorstCaseModel.Output> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(OutputHoldout.class.getResourceAsStream(
                "/org/clinigate/safety/corpus/output-holdout.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String expect = n.get("expect").asText();
                JsonNode rec = n.get("record");
                out.add(new WorstCaseModel.Output(expect.equals("pass")
                        ? WorstCaseModel.Kind.SAFE
                        : WorstCaseModel.Kind.valueOf(kind(expect)), RULES.get(expect), rec.get("text").asText(),
                        context(rec)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String kind(String expect) {
        return switch (expect) {
            case "med" -> "OVERDOSE_SINGLE";
            case "interaction" -> "INTERACTION";
            case "certainty" -> "CERTAINTY";
            case "disclaimer" -> "MISSING_DISCLAIMER";
            case "citation" -> "FABRICATED_CITATION";
            case "pseudonym" -> "LEAKED_PSEUDONYM";
            default -> throw new IllegalArgumentException(expect);
        };
    }

    private static RailContext context(JsonNode rec) {
        JsonNode c = rec.path("context");
        List<RailSource> sources = new ArrayList<>();
        c.path("sources").forEach(s -> sources.add(new RailSource(s.get("id").asText(), s.get("text").asText())));
        Set<String> pseudonyms = null;
        if (c.has("pseudonyms")) {
            pseudonyms = new LinkedHashSet<>();
            for (JsonNode p : c.get("pseudonyms")) {
                pseudonyms.add(p.asText());
            }
        }
        return new RailContext(rec.path("task").asText(null), c.has("patientAgeYears")
                ? c.get("patientAgeYears").asDouble()
                : null, c.has("patientWeightKg") ? c.get("patientWeightKg").asDouble() : null, sources, pseudonyms);
    }
}
