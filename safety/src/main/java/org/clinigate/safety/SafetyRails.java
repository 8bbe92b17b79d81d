package org.clinigate.safety;

import java.nio.file.Path;
import java.util.Objects;
import org.clinigate.core.rails.Rail;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.Verdict;
import org.clinigate.safety.batch.BatchChecker;
import org.clinigate.safety.citation.CitationCheck;
import org.clinigate.safety.citation.SimpleCitationCheck;
import org.clinigate.safety.medication.DoseTable;
import org.clinigate.safety.medication.Interactions;
import org.clinigate.safety.medication.MedicationChecker;
import org.clinigate.safety.rules.Detectors;
import org.clinigate.safety.rules.RuleSet;
import org.clinigate.safety.rules.RuleSetLoader;
import org.clinigate.safety.rules.RuleSetRail;

/**
 * The rails of Clinigate, assembled: an input rail (emergencies, requests for autonomous diagnosis, prescribing or
 * triage, prompt injection) and an output rail (medication, disclaimer, certainty language, pseudonym scope,
 * citations), each a {@link Rail} over a versioned YAML rule set.
 *
 * <pre>
 * SafetyRails rails = SafetyRails.defaults();                       // bundled rule sets and tables
 * Verdict in = rails.checkInput(deidentifiedPrompt, RailContext.of("chat"));
 * if (in instanceof Verdict.Block b) { answer(b.answer()); return; }  // the model is never called
 * Verdict out = rails.checkOutput(modelAnswer, context);            // flags travel with the response
 * </pre>
 *
 * Build one at start-up and share it: it is immutable and thread safe. Loading fails fast with a {@link
 * org.clinigate.core.error.ClinigateException}: CG-6001 (rule set), CG-6002 (dose or interaction table), CG-6003 (a
 * rule's own tests fail), CG-1009 (a bundled resource missing).
 */
public final class SafetyRails {

    private final RuleSetRail input;
    private final RuleSetRail output;
    private final MedicationChecker medication;

    private SafetyRails(RuleSetRail input, RuleSetRail output, MedicationChecker medication) {
        this.input = input;
        this.output = output;
        this.medication = medication;
    }

    /** The bundled rule sets, dose table, interaction table and {@link SimpleCitationCheck}, self-tested. */
    public static SafetyRails defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The input rail: check the user's de-identified text before the model sees it. */
    public Rail input() {
        return input;
    }

    /** The output rail: check the model's answer before the client sees it. */
    public Rail output() {
        return output;
    }

    public Verdict checkInput(String text, RailContext context) {
        return input.check(text, context);
    }

    public Verdict checkOutput(String text, RailContext context) {
        return output.check(text, context);
    }

    public RuleSet inputRules() {
        return input.ruleSet();
    }

    public RuleSet outputRules() {
        return output.ruleSet();
    }

    public MedicationChecker medication() {
        return medication;
    }

    /** A batch checker that runs the output rail over JSONL records ({@code clinigate check}). */
    public BatchChecker batchChecker() {
        return new BatchChecker(output);
    }

    /**
     * Chooses what to load. Unset parts use the bundled ones. The built rails run their rules' own tests unless
     * {@link #selfTest(boolean)} turns that off.
     */
    public static final class Builder {
        private Path inputRules;
        private Path outputRules;
        private Path doseTable;
        private Path interactions;
        private CitationCheck citations = new SimpleCitationCheck();
        private boolean selfTest = true;

        private Builder() {
        }

        public Builder inputRules(Path file) {
            this.inputRules = file;
            return this;
        }

        public Builder outputRules(Path file) {
            this.outputRules = file;
            return this;
        }

        public Builder doseTable(Path file) {
            this.doseTable = file;
            return this;
        }

        public Builder interactions(Path file) {
            this.interactions = file;
            return this;
        }

        /** The citation check behind the output rules of type {@code citation}, e.g. an adapter to a verifier. */
        public Builder citations(CitationCheck check) {
            this.citations = Objects.requireNonNull(check, "check");
            return this;
        }

        public Builder selfTest(boolean run) {
            this.selfTest = run;
            return this;
        }

        public SafetyRails build() {
            DoseTable doses = doseTable == null ? DoseTable.defaults() : DoseTable.load(doseTable);
            Interactions pairs = interactions == null ? Interactions.defaults() : Interactions.load(interactions);
            MedicationChecker medication = new MedicationChecker(doses, pairs);
            RuleSetLoader loader = new RuleSetLoader(Detectors.standard(medication, citations));
            RuleSet in = inputRules == null ? loader.resource(RuleSetLoader.INPUT_RESOURCE) : loader.load(inputRules);
            RuleSet out = outputRules == null
                    ? loader.resource(RuleSetLoader.OUTPUT_RESOURCE)
                    : loader.load(outputRules);
            if (in.stage() != RuleSet.Stage.INPUT || out.stage() != RuleSet.Stage.OUTPUT) {
                throw new org.clinigate.core.error.ClinigateException(org.clinigate.core.error.ErrorCode.CG_6001,
                        "the input rules must have stage input and the output rules stage output");
            }
            RuleSetRail inputRail = new RuleSetRail(in);
            RuleSetRail outputRail = new RuleSetRail(out);
            if (selfTest) {
                inputRail.verified();
                outputRail.verified();
            }
            return new SafetyRails(inputRail, outputRail, medication);
        }
    }
}
