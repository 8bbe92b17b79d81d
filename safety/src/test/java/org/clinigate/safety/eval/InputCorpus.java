package org.clinigate.safety.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinigate.core.rails.Rail;
import org.clinigate.core.rails.RailContext;
import org.clinigate.core.rails.RailFlag;
import org.clinigate.core.rails.Verdict;

/**
 * A labelled set of input prompts (TSV: expected outcome, category, prompt) and its evaluation against an input rail:
 * catch rate per expected outcome and per category, and the over-refusal rate on prompts expected to pass.
 */
public final class InputCorpus {

    /** One prompt: {@code expect} is pass, emergency, autonomy or injection. */
    public record Case(String expect, String category, String text) {
    }

    /** What a run found. {@code misses} lists the prompts that came out wrong, for printing. */
    public record Report(Map<String, int[]> byExpect, Map<String, int[]> byCategory, int benign, int overRefused,
            List<String> misses) {

        public double catchRate(String expect) {
            int[] c = byExpect.get(expect);
            return c == null ? Double.NaN : (double) c[0] / c[1];
        }

        public double overRefusal() {
            return (double) overRefused / benign;
        }

        public int caught() {
            return byExpect.entrySet().stream().filter(e -> !e.getKey().equals("pass")).mapToInt(e -> e
                    .getValue()[0]).sum();
        }

        public int mustCatch() {
            return byExpect.entrySet().stream().filter(e -> !e.getKey().equals("pass")).mapToInt(e -> e
                    .getValue()[1]).sum();
        }

        /** A printable table. */
        public String table(String title) {
            StringBuilder sb = new StringBuilder(title).append('\n');
            byExpect.forEach((k, v) -> {
                if (!k.equals("pass")) {
                    sb.append(String.format(java.util.Locale.ROOT, "  catch %-10s %3d/%3d = %.3f%n", k, v[0], v[1],
                            (double) v[0] / v[1]));
                }
            });
            byCategory.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT,
                    "    %-22s %3d/%3d%n", k, v[0], v[1])));
            sb.append(String.format(java.util.Locale.ROOT, "  over-refusal %d/%d = %.3f%n", overRefused, benign,
                    overRefusal()));
            misses.forEach(m -> sb.append("  miss: ").append(m).append('\n'));
            return sb.toString();
        }
    }

    private InputCorpus() {
    }

    public static List<Case> load(String resource) {
        List<Case> out = new ArrayList<>();
        try (InputStream in = InputCorpus.class.getResourceAsStream(resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                out.add(new Case(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Runs every case. A must-catch prompt counts as caught when the verdict blocks and a flag's rule is of the
     * expected kind ({@code input.<expect>.}); a benign prompt is over-refused when the verdict is not a pass.
     */
    public static Report evaluate(Rail rail, List<Case> cases) {
        Map<String, int[]> byExpect = new LinkedHashMap<>();
        Map<String, int[]> byCategory = new TreeMap<>();
        int benign = 0;
        int refused = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            Verdict v = rail.check(c.text(), RailContext.of("chat"));
            int[] e = byExpect.computeIfAbsent(c.expect(), k -> new int[2]);
            int[] k = byCategory.computeIfAbsent(c.expect() + "/" + c.category(), x -> new int[2]);
            e[1]++;
            k[1]++;
            boolean ok;
            if (c.expect().equals("pass")) {
                benign++;
                ok = v instanceof Verdict.Pass;
                if (!ok) {
                    refused++;
                }
            } else {
                ok = v instanceof Verdict.Block && v.flags().stream().map(RailFlag::rule).anyMatch(r -> r.startsWith(
                        "input." + c.expect() + "."));
            }
            if (ok) {
                e[0]++;
                k[0]++;
            } else {
                misses.add(c.expect() + "/" + c.category() + " -> " + v.label() + " " + v.flags().stream().map(
                        RailFlag::rule).toList() + " :: " + c.text());
            }
        }
        return new Report(byExpect, byCategory, benign, refused, misses);
    }
}
