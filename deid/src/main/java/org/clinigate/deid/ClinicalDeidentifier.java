package org.clinigate.deid;

import java.util.List;
import java.util.Objects;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Deidentifier;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.detect.PhiDetector;
import org.clinigate.deid.transform.Transformer;

/**
 * The clinical de-identifier: rule, lexicon and context detection for the 18 Safe Harbor categories,
 * then per-category transformation.
 *
 * <p>Thread safe; build one per process ({@link #create()} loads the lexicons once, about a second) and
 * share it. Never throws on any text content; an error in a bundled lexicon surfaces at creation as a
 * {@code CG-1009} {@link org.clinigate.core.error.ClinigateException}.
 */
public final class ClinicalDeidentifier implements Deidentifier {

    private final PhiDetector detector;
    private final Transformer transformer;

    ClinicalDeidentifier(PhiDetector detector, Transformer transformer) {
        this.detector = Objects.requireNonNull(detector);
        this.transformer = Objects.requireNonNull(transformer);
    }

    public static ClinicalDeidentifier create() {
        return new ClinicalDeidentifier(PhiDetector.standard(), new Transformer());
    }

    /** The standard engine plus a site's learned tagger (see {@code clinigate deid-train}). */
    public static ClinicalDeidentifier create(org.clinigate.deid.detect.LearnedTagger tagger) {
        return new ClinicalDeidentifier(PhiDetector.standard(tagger), new Transformer());
    }

    @Override
    public List<PhiSpan> detect(String text) {
        return detector.detect(Objects.requireNonNull(text, "text"));
    }

    @Override
    public Deidentified deidentify(String text, DeidPolicy policy, PhiMap scope) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(scope, "scope");
        return transformer.apply(text, detect(text), policy, scope);
    }
}
