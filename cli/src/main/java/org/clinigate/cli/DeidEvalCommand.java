package org.clinigate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.deid.ClinicalDeidentifier;
import org.clinigate.deid.eval.GoldReader;
import org.clinigate.deid.eval.GoldRecord;
import org.clinigate.deid.eval.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deid-eval", mixinStandardHelpOptions = true, description = "Score the de-identifier against gold JSONL: recall, precision and F1 per category.")
final class DeidEvalCommand implements Callable<Integer> {

    @Option(names = "--model", description = "A site's learned tagger from 'clinigate deid-train', added to the rules.")
    java.nio.file.Path model;

    @Option(names = "--gold", required = true, description = "Gold JSONL: {\"id\",\"text\",\"spans\":[...]}.")
    Path gold;

    @Option(names = "--misses", defaultValue = "50", description = "How many misses to list (default: ${DEFAULT-VALUE}).")
    int maxMisses;

    @Option(names = "--show-text", description = "Also print the missed text. Only for synthetic corpora: it prints PHI.")
    boolean showText;

    @Override
    public Integer call() throws IOException {
        List<GoldRecord> records;
        try (InputStream in = Files.newInputStream(gold)) {
            records = GoldReader.read(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ClinigateException(ErrorCode.CG_1002, "the gold file does not exist");
        }
        ClinicalDeidentifier deid = (model == null
                ? ClinicalDeidentifier.create()
                : ClinicalDeidentifier.create(org.clinigate.deid.detect.LearnedTagger.load(model)));
        Scorer scorer = new Scorer();
        Map<String, GoldRecord> byId = new java.util.HashMap<>();
        for (GoldRecord r : records) {
            scorer.add(r, deid.detect(r.text()));
            byId.put(r.id(), r);
        }
        print(System.out, scorer, records.size(), byId);
        return 0;
    }

    private void print(PrintStream out, Scorer s, int docs, Map<String, GoldRecord> byId) {
        Scorer.Counts t = s.total();
        out.printf(Locale.ROOT, "documents: %d   gold spans: %d   detected spans: %d%n", docs, t.gold, t.predicted);
        out.printf(Locale.ROOT,
                "span level (overlap):  recall %.4f  precision %.4f  F1 %.4f  (same-category recall %.4f)%n",
                t.recall(), t.precision(), t.f1(), t.strictRecall());
        out.printf(Locale.ROOT, "character level:       recall %.4f  precision %.4f  F1 %.4f%n", t.charRecall(),
                t.charPrecision(), t.charF1());
        out.printf(Locale.ROOT, "%n%-13s %6s %8s %8s %9s %9s %8s%n", "category", "gold", "recall", "strict",
                "char-rec", "detected", "precis.");
        for (PhiCategory c : PhiCategory.values()) {
            Scorer.Counts k = s.byCategory().get(c);
            if (k == null) {
                continue;
            }
            out.printf(Locale.ROOT, "%-13s %6d %8s %8s %9s %9d %8s%n", c, k.gold, fmt(k.recall()),
                    fmt(k.strictRecall()),
                    fmt(k.charRecall()), k.predicted, fmt(k.precision()));
        }
        out.printf(Locale.ROOT, "%nmisses (%d):%n", s.misses().size());
        s.misses().stream().limit(maxMisses).forEach(m -> out.printf(Locale.ROOT, "  %s [%d,%d) %s%s%n", m.id(),
                m.start(), m.end(), m.category(),
                showText ? "  " + quote(byId.get(m.id()).text(), m.start(), m.end()) : ""));
        if (showText) {
            out.printf(Locale.ROOT, "%nfalse positives (%d):%n", s.falsePositives().size());
            s.falsePositives().stream().limit(maxMisses).forEach(f -> out.printf(Locale.ROOT, "  %s [%d,%d) %s  %s%n",
                    f.id(), f.start(), f.end(), f.category(), quote(byId.get(f.id()).text(), f.start(), f.end())));
        }
    }

    private static String quote(String text, int s, int e) {
        int a = Math.max(0, s - 25);
        int b = Math.min(text.length(), e + 25);
        return (text.substring(a, s) + "<<" + text.substring(s, e) + ">>" + text.substring(e, b)).replace('\n', ' ');
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.4f", d);
    }
}
