package org.clinigate.safety.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.clinigate.safety.citation.CitationCheck;
import org.clinigate.safety.citation.CitationFinding;
import org.clinigate.safety.citation.SimpleCitationCheck;
import org.clinigate.safety.config.Params;
import org.clinigate.safety.medication.MedCheck;
import org.clinigate.safety.medication.MedFinding;
import org.clinigate.safety.medication.MedicationChecker;

/**
 * The catalogue of detector types a rule set may name in {@code detector.type}, each with the factory that builds it
 * from the rule's parameters. The standard catalogue holds:
 * <ul>
 * <li>{@code pattern}: clauses of regular expressions and cues ({@link PatternDetector});</li>
 * <li>{@code medication}: one kind of {@link MedCheck}, named by {@code check}, e.g. {@code overdose-single};</li>
 * <li>{@code citation}: one kind of {@link CitationFinding.Kind}, named by {@code check}, e.g.
 * {@code unknown-source};</li>
 * <li>{@code disclaimer}: a required disclaimer per task ({@link DisclaimerDetector});</li>
 * <li>{@code pseudonym-scope}: pseudonyms outside the call's scope ({@link PseudonymScopeDetector}).</li>
 * </ul>
 * Immutable and thread safe; {@link #with} returns a copy with one more type.
 */
public final class Detectors {

    /** Builds a detector from a rule's {@code detector} mapping; fails with {@link Params#fail} on bad input. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param params the {@code detector} mapping, without {@code type}; call {@link Params#done()} is left to
         *     the loader
         * @param cues the rule set's named cue patterns
         */
        Detector create(Params params, Map<String, Pattern> cues);
    }

    private final Map<String, Factory> factories;

    private Detectors(Map<String, Factory> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** The standard catalogue over the given medication checker and citation check. */
    public static Detectors standard(MedicationChecker medication, CitationCheck citations) {
        Objects.requireNonNull(medication, "medication");
        Objects.requireNonNull(citations, "citations");
        Map<String, Factory> f = new HashMap<>();
        f.put("pattern", PatternDetector::create);
        f.put("disclaimer", (p, cues) -> DisclaimerDetector.create(p));
        f.put("pseudonym-scope", (p, cues) -> PseudonymScopeDetector.create(p));
        f.put("medication", (p, cues) -> medication(p, medication));
        f.put("citation", (p, cues) -> citation(p, citations));
        return new Detectors(f);
    }

    /** The standard catalogue over the bundled tables and {@link SimpleCitationCheck}. */
    public static Detectors standard() {
        return standard(MedicationChecker.defaults(), new SimpleCitationCheck());
    }

    /** A copy with {@code type} built by {@code factory} (replacing a type of that name). */
    public Detectors with(String type, Factory factory) {
        Map<String, Factory> f = new HashMap<>(factories);
        f.put(type, Objects.requireNonNull(factory, "factory"));
        return new Detectors(f);
    }

    /** Builds the detector a {@code detector} mapping describes, and checks it has no unknown fields. */
    Detector create(Params p, Map<String, Pattern> cues) {
        String type = p.text("type");
        Factory f = factories.get(type);
        if (f == null) {
            throw p.fail("type", "unknown detector type; known: " + new java.util.TreeSet<>(factories.keySet()));
        }
        Detector d = f.create(p, cues);
        p.done();
        return d;
    }

    private static String constant(String s) {
        return s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Detector medication(Params p, MedicationChecker checker) {
        MedCheck kind;
        try {
            kind = MedCheck.valueOf(constant(p.text("check")));
        } catch (IllegalArgumentException e) {
            throw p.fail("check", "unknown medication check; known: " + List.of(MedCheck.values()));
        }
        return (in, out) -> {
            List<MedFinding> all = in.memo(checker, i -> checker.check(i.folded(), i.sentences(), i.context()));
            for (MedFinding f : all) {
                if (f.kind() == kind) {
                    out.accept(new Hit(f.start(), f.end(), f.message()));
                }
            }
        };
    }

    private static Detector citation(Params p, CitationCheck check) {
        CitationFinding.Kind kind;
        try {
            kind = CitationFinding.Kind.valueOf(constant(p.text("check")));
        } catch (IllegalArgumentException e) {
            throw p.fail("check", "unknown citation check; known: " + List.of(CitationFinding.Kind.values()));
        }
        return (in, out) -> {
            List<CitationFinding> all = in.memo(check, i -> check.check(i.text(), i.context().sources()));
            for (CitationFinding f : all) {
                if (f.kind() == kind) {
                    out.accept(new Hit(f.start(), f.end(), f.detail()));
                }
            }
        };
    }
}
