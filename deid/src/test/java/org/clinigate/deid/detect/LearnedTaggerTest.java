package org.clinigate.deid.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiSpan;
import org.clinigate.deid.ClinicalDeidentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned tagger on a site-like corpus: organisations named with invented, everyday-looking words that no
 * lexicon or context rule knows, in the sentence frames a site's notes repeat. Trained on one half of the values,
 * scored on sentences built from the other half.
 */
class LearnedTaggerTest {

    static final String[] FRAMES = {"Referred by the team at %s last week.", "Pt works night shifts for %s.",
            "Insurance claim sent to %s today.", "Transferred from %s for further care.",
            "%s called about the invoice.", "Letter copied to %s and the GP."};

    static final String[] PLAIN = {"Continue current medications.", "Review in two weeks.",
            "Blood pressure stable overnight.", "No fever reported.", "Tolerating diet well.",
            "Wound clean and dry.", "Plan discussed with the family.", "Follow up with labs on Monday.",
            "Pain controlled with oral analgesia.", "Mobilising with a frame."};

    static List<String> names(long seed, int n) {
        Random r = new Random(seed);
        String[] first = {"Blue", "Harbor", "North", "Silver", "Cedar", "Summit", "Pioneer", "Granite", "Maple",
                "Bright"};
        String[] second = {"Lantern", "Orbit", "Anvil", "Willow", "Beacon", "Quarry", "Falcon", "Thimble", "Kettle",
                "Prism"};
        String[] third = {"Works", "Partners", "Collective", "Group", "Logistics", "Holdings", "Labs", "Systems"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(first[r.nextInt(first.length)] + " " + second[r.nextInt(second.length)] + " "
                    + third[r.nextInt(third.length)]);
        }
        return out;
    }

    static List<LearnedTagger.Example> corpus(List<String> orgs, long seed) {
        Random r = new Random(seed);
        List<LearnedTagger.Example> out = new ArrayList<>();
        for (String org : orgs) {
            String frame = FRAMES[r.nextInt(FRAMES.length)];
            String text = String.format(frame, org);
            int at = text.indexOf(org);
            out.add(new LearnedTagger.Example(text,
                    List.of(new PhiSpan(at, at + org.length(), PhiCategory.ORGANIZATION))));
            // and, as in real notes, sentences without any identifier
            out.add(new LearnedTagger.Example(PLAIN[r.nextInt(PLAIN.length)] + " " + PLAIN[r.nextInt(PLAIN.length)],
                    List.of()));
        }
        return out;
    }

    static LearnedTagger tagger;
    static List<LearnedTagger.Example> heldOut;

    @BeforeAll
    static void train() {
        tagger = LearnedTagger.train(corpus(names(1, 300), 2), 6, 3);
        heldOut = corpus(names(99, 200), 4);
    }

    private static double recall(ClinicalDeidentifier deid) {
        int found = 0;
        int total = 0;
        for (LearnedTagger.Example e : heldOut) {
            if (e.spans().isEmpty()) {
                continue;
            }
            total++;
            PhiSpan gold = e.spans().get(0);
            boolean hit = deid.detect(e.text()).stream()
                    .anyMatch(s -> s.start() < gold.end() && gold.start() < s.end());
            found += hit ? 1 : 0;
        }
        return found / (double) total;
    }

    @Test
    void the_tagger_finds_what_the_rules_miss_on_held_out_sentences() {
        double rules = recall(ClinicalDeidentifier.create());
        double both = recall(ClinicalDeidentifier.create(tagger));
        assertThat(both).as("rules alone %.2f", rules).isGreaterThanOrEqualTo(0.95).isGreaterThan(rules);
    }

    @Test
    void the_tagger_adds_nothing_to_plain_clinical_text() {
        String text = "Patient reports mild headache, no fever. Continue current medications and review in a week. Wound clean.";
        assertThat(tagger.tag(text)).isEmpty();
    }

    @Test
    void a_saved_model_tags_the_same_and_holds_no_training_text(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.tagger");
        tagger.save(file);
        LearnedTagger loaded = LearnedTagger.load(file);
        for (LearnedTagger.Example e : heldOut.subList(0, 50)) {
            assertThat(loaded.tag(e.text())).isEqualTo(tagger.tag(e.text()));
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            in.transferTo(raw);
        }
        String bytes = raw.toString(StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Lantern").doesNotContain("lantern").doesNotContain("Quarry");
    }

    @Test
    void a_damaged_or_foreign_file_is_a_clear_error(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.tagger");
        Files.writeString(junk, "not a model");
        assertThatThrownBy(() -> LearnedTagger.load(junk)).isInstanceOf(ClinigateException.class)
                .hasMessageContaining("CG-1002").hasMessageContaining("junk.tagger");
        Path file = dir.resolve("cut.tagger");
        tagger.save(file);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> LearnedTagger.load(file)).isInstanceOf(ClinigateException.class)
                .hasMessageContaining("CG-1002");
    }

    @Test
    void training_is_repeatable_for_a_seed() {
        LearnedTagger again = LearnedTagger.train(corpus(names(1, 300), 2), 6, 3);
        for (LearnedTagger.Example e : heldOut.subList(0, 30)) {
            assertThat(again.tag(e.text())).isEqualTo(tagger.tag(e.text()));
        }
    }
}
