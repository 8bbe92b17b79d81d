package org.clinigate.knowledge.terminology.labs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.terminology.IcdCode;
import org.clinigate.knowledge.terminology.RxConcept;
import org.clinigate.knowledge.terminology.Terminology;

/**
 * Rules of the form "a condition or drug requires a lab within a period", read from YAML (the bundled
 * {@code /knowledge/terminology/missing-lab-rules.yaml} cites a guideline for each), evaluated against a
 * {@link PatientContext}.
 *
 * <p>A rule applies when a current problem's ICD-10-CM code starts with one of its prefixes, or its SNOMED CT code is
 * one of the rule's concepts (or, when SNOMED CT is loaded, a descendant of one), or a current medication is one of
 * its ingredients: by RXCUI, by the ingredients RxNorm (when loaded) gives for the medication's code, or by the
 * ingredient's name as a whole word of the medication's name. For each lab the rule requires, the latest result on
 * or before the context's day counts; a lab with no result, or whose latest result is older than the period, is
 * reported. Immutable and thread safe. A bad rule file fails with CG-5102 naming the rule and field.
 */
public final class MissingLabRules {

    private static final String BUNDLED = "/knowledge/terminology/missing-lab-rules.yaml";

    private final String version;
    private final Map<String, LabGroup> labs;
    private final List<LabRule> rules;

    private MissingLabRules(RuleFile.Parsed parsed) {
        this.version = parsed.version();
        this.labs = Map.copyOf(parsed.labs());
        this.rules = parsed.rules();
    }

    /** The bundled rule set. */
    public static MissingLabRules bundled() {
        try (InputStream in = MissingLabRules.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ClinigateException(ErrorCode.CG_1009, "bundled missing-lab rules are missing");
            }
            return new MissingLabRules(RuleFile.read(in, "missing-lab-rules.yaml"));
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "bundled missing-lab rules are unreadable", e);
        }
    }

    /** A site's own rule file. */
    public static MissingLabRules load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MissingLabRules(RuleFile.read(in, file.getFileName().toString()));
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot read the missing-lab rule file: " + e.getClass()
                    .getSimpleName(), e);
        }
    }

    /** The rule file's version. */
    public String version() {
        return version;
    }

    /** The rules, in file order. */
    public List<LabRule> rules() {
        return rules;
    }

    /** The lab groups the rules use, by id. */
    public Map<String, LabGroup> labs() {
        return labs;
    }

    /** The missing labs, without terminology: codes and names are matched as given. */
    public List<MissingLab> evaluate(PatientContext context) {
        return evaluate(context, Terminology.of(null, null, null));
    }

    /** The missing labs, using the loaded SNOMED CT hierarchy and RxNorm links where the terminology has them. */
    public List<MissingLab> evaluate(PatientContext context, Terminology terminology) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(terminology, "terminology");
        List<MissingLab> out = new ArrayList<>();
        for (LabRule rule : rules) {
            Optional<Trigger> trigger = trigger(rule, context, terminology);
            if (trigger.isEmpty()) {
                continue;
            }
            for (LabGroup lab : rule.requires()) {
                Optional<LocalDate> last = latest(lab, context);
                if (last.isPresent() && !context.asOf().isAfter(last.get().plus(rule.within()))) {
                    continue;
                }
                Optional<LocalDate> due = last.isPresent()
                        ? Optional.of(last.get().plus(rule.within()))
                        : trigger.get().since();
                out.add(new MissingLab(rule.id(), trigger.get().what(), lab, rule.within(), last, due, rule
                        .source()));
            }
        }
        return List.copyOf(out);
    }

    /** What made a rule apply, and since when (the earliest known start of its triggers). */
    private record Trigger(String what, Optional<LocalDate> since) {
    }

    private static Optional<Trigger> trigger(LabRule rule, PatientContext context, Terminology terminology) {
        String what = null;
        LocalDate since = null;
        for (PatientContext.Problem p : context.problems()) {
            if (matches(rule, p, terminology)) {
                what = what != null ? what : describe(p);
                since = earliest(since, p.since());
            }
        }
        for (PatientContext.Medication m : context.medications()) {
            Optional<LabRule.Drug> drug = drug(rule, m, terminology);
            if (drug.isPresent()) {
                what = what != null ? what : "RxNorm " + drug.get().rxcui() + " " + drug.get().name();
                since = earliest(since, m.since());
            }
        }
        return what == null ? Optional.empty() : Optional.of(new Trigger(what, Optional.ofNullable(since)));
    }

    private static boolean matches(LabRule rule, PatientContext.Problem p, Terminology terminology) {
        return switch (p.system()) {
            case ICD10CM -> {
                String plain = p.code().replace(".", "").toUpperCase(Locale.ROOT);
                yield rule.icd10cm().stream().anyMatch(plain::startsWith);
            }
            case SNOMED -> rule.snomed().stream().anyMatch(s -> s.equals(p.code()) || terminology.snomed().map(
                    sct -> sct.isA(p.code(), s)).orElse(false));
            default -> throw new UnsupportedOperationException("problem system " + p.system());
        };
    }

    private static Optional<LabRule.Drug> drug(LabRule rule, PatientContext.Medication m, Terminology terminology) {
        List<String> ingredients = m.rxcui().map(code -> terminology.rxnorm().map(rx -> rx.ingredientsOf(code)
                .stream().map(RxConcept::rxcui).toList()).orElse(List.<String>of())).orElse(List.of());
        String name = " " + m.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        for (LabRule.Drug d : rule.drugs()) {
            boolean byCode = m.rxcui().map(d.rxcui()::equals).orElse(false) || ingredients.contains(d.rxcui());
            boolean byName = Pattern.compile(" " + Pattern.quote(d.name()) + " ").matcher(name).find();
            if (byCode || byName) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> latest(LabGroup lab, PatientContext context) {
        LocalDate last = null;
        for (PatientContext.LabResult r : context.labs()) {
            if (lab.loinc().contains(r.loinc()) && !r.date().isAfter(context.asOf()) && (last == null || r.date()
                    .isAfter(last))) {
                last = r.date();
            }
        }
        return Optional.ofNullable(last);
    }

    private static String describe(PatientContext.Problem p) {
        return switch (p.system()) {
            case ICD10CM -> "ICD-10-CM " + IcdCode.canonical(p.code());
            case SNOMED -> "SNOMED CT " + p.code();
            default -> throw new UnsupportedOperationException("problem system " + p.system());
        };
    }

    private static LocalDate earliest(LocalDate a, Optional<LocalDate> b) {
        return b.isEmpty() ? a : a == null || b.get().isBefore(a) ? b.get() : a;
    }

    /** Lab groups whose id or aliases include {@code name} (lower case), for lists taken from notes. */
    Optional<LabGroup> labNamed(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        Collection<LabGroup> groups = labs.values();
        return groups.stream().filter(g -> g.aliases().contains(key)).findFirst();
    }

    @Override
    public String toString() {
        return "MissingLabRules[" + version + ", " + rules.size() + " rules]";
    }
}
