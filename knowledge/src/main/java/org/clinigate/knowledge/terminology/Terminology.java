package org.clinigate.knowledge.terminology;

import org.clinigate.knowledge.embed.Embedder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The terminology a site has loaded: ICD-10-CM (with its {@link IcdNormalizer}), RxNorm (with its
 * {@link DrugNormalizer}) and, for licensed users, SNOMED CT. Each part is optional. Immutable and thread safe once
 * loaded.
 *
 * <p>{@link #load} recognizes release files by their names, in the given files and in directories up to four levels
 * down: {@code icd10cm_order_*.txt} (preferred, it has billable flags), {@code icd10cm_codes_*.txt}, an
 * {@code *icd*.json[.gz]}; {@code RXNCONSO.RRF} (preferred) or a {@code *prescrib*.tsv}; {@code
 * sct2_Description_*.txt} with {@code sct2_Relationship_*.txt}. Failures are those of the importers (CG-5101,
 * CG-1002, CG-1003); a path that does not exist is CG-1002.
 */
public final class Terminology {

    private final Optional<IcdNormalizer> icd;
    private final Optional<RxNormSet> rxnorm;
    private final Optional<DrugNormalizer> drugs;
    private final Optional<SnomedConcepts> snomed;

    private Terminology(IcdCodeSet icd, RxNormSet rxnorm, SnomedConcepts snomed) {
        this(icd, rxnorm, snomed, null, null);
    }

    private Terminology(IcdCodeSet icd, RxNormSet rxnorm, SnomedConcepts snomed, Embedder embedder, Path cacheDir) {
        this.icd = Optional.ofNullable(icd).map(c -> embedder == null
                ? IcdNormalizer.create(c)
                : IcdNormalizer.create(c, embedder, cacheDir));
        this.rxnorm = Optional.ofNullable(rxnorm);
        this.drugs = this.rxnorm.map(DrugNormalizer::create);
        this.snomed = Optional.ofNullable(snomed);
    }

    /** Terminology from parts already read; any may be null. */
    public static Terminology of(IcdCodeSet icd, RxNormSet rxnorm, SnomedConcepts snomed) {
        return new Terminology(icd, rxnorm, snomed);
    }

    /** Loads the release files found in {@code paths} (files or directories); see the class comment. */
    public static Terminology load(Path... paths) {
        return load(null, null, paths);
    }

    /**
     * As {@link #load(Path...)}, with the ICD-10-CM normalizer's semantic candidates from {@code embedder} (vectors
     * cached in {@code cacheDir}; see ADR 0016) when {@code embedder} is not null.
     */
    public static Terminology load(Embedder embedder, Path cacheDir, Path... paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(files(p));
        }
        files.sort(Comparator.comparing(Path::toString));
        IcdCodeSet icd = null;
        for (Path f : pick(files, n -> n.startsWith("icd10cm_order_") && n.endsWith(".txt"), n -> n.startsWith(
                "icd10cm_codes_") && n.endsWith(".txt"), n -> n.contains("icd")
                        && (n.endsWith(".json") || n
                                .endsWith(".json.gz")))) {
            IcdCodeSet read = IcdImporter.read(f);
            icd = icd == null ? read : icd.merge(read);
        }
        RxNormSet rx = first(files, n -> n.equals("rxnconso.rrf"), n -> n.contains("prescrib") && n.endsWith(".tsv"))
                .map(RxNormImporter::read).orElse(null);
        Optional<Path> descriptions = first(files, n -> n.startsWith("sct2_description_") && n.endsWith(".txt"));
        Optional<Path> relationships = first(files, n -> n.startsWith("sct2_relationship_") && n.endsWith(".txt"));
        SnomedConcepts sct = descriptions.isPresent() && relationships.isPresent()
                ? SnomedImporter.read(descriptions
                        .get(), relationships.get())
                : null;
        return new Terminology(icd, rx, sct, embedder, cacheDir);
    }

    /** The ICD-10-CM normalizer, when a release was loaded. */
    public Optional<IcdNormalizer> icd() {
        return icd;
    }

    /** RxNorm, when a release was loaded. */
    public Optional<RxNormSet> rxnorm() {
        return rxnorm;
    }

    /** The drug normalizer, when RxNorm was loaded. */
    public Optional<DrugNormalizer> drugs() {
        return drugs;
    }

    /** SNOMED CT, when a licensed release was loaded. */
    public Optional<SnomedConcepts> snomed() {
        return snomed;
    }

    private interface NameTest {
        boolean test(String lowerCaseName);
    }

    /** The files matching the first test that matches any, then those matching the next, in that order. */
    private static List<Path> pick(List<Path> files, NameTest... tests) {
        List<Path> out = new ArrayList<>();
        for (NameTest t : tests) {
            for (Path f : files) {
                if (t.test(name(f))) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Optional<Path> first(List<Path> files, NameTest... tests) {
        return pick(files, tests).stream().findFirst();
    }

    private static String name(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private static List<Path> files(Path p) {
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            throw new ClinigateException(ErrorCode.CG_1002, "no terminology file or directory at the given path");
        }
        try (Stream<Path> walk = Files.walk(p, 4)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "cannot list a terminology directory: " + e.getClass()
                    .getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "Terminology[icd=" + icd.map(n -> n.codeSet().toString()).orElse("none") + ", rxnorm=" + rxnorm.map(
                RxNormSet::toString).orElse("none") + ", snomed=" + snomed.map(SnomedConcepts::toString).orElse(
                        "none")
                + "]";
    }
}
