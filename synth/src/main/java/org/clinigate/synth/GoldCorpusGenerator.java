package org.clinigate.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates a synthetic gold corpus for scoring de-identification: clinical documents in five styles
 * with every identifier's span recorded as the text is built, never found by searching afterwards.
 *
 * <p>Output depends only on the seed: two generators with the same seed give identical corpora, and
 * {@link #generate(int)} equals the first {@code count} documents of {@link #stream()}. Patients
 * recur: each appears in two to four consecutive documents (three on average) with the same name,
 * date of birth, record number and address, so pseudonym consistency can be tested. Documents come
 * in blocks of five (0-4, 5-9, ...) in which each {@link NoteStyle} appears once, in shuffled order.
 *
 * <p>Thread safe: {@link #generate(int)} and {@link #stream()} keep no shared state, and
 * {@link #generate(NoteStyle)} only advances an atomic counter, so its n-th call returns the same
 * document on every generator of the same seed.
 */
public final class GoldCorpusGenerator {

    private static final long PATIENT = 1;
    private static final long DOCUMENT = 2;
    private static final long GROUPING = 3;
    private static final long SINGLE_PATIENT = 4;
    private static final long SINGLE_DOCUMENT = 5;
    private static final LocalDate REFERENCE = LocalDate.of(2022, 6, 30);

    private final long seed;
    private final AtomicLong singles = new AtomicLong();

    /** A generator whose every output is a function of {@code seed}. */
    public GoldCorpusGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * The first {@code count} documents of {@link #stream()}.
     *
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public List<GoldDocument> generate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("CG-1001: count must be >= 0, got " + count);
        }
        return stream().limit(count).toList();
    }

    /** One document of {@code style} about a fresh patient, the next in this generator's sequence. */
    public GoldDocument generate(NoteStyle style) {
        Objects.requireNonNull(style, "style");
        long n = singles.getAndIncrement();
        Patient patient = Patient.draw(String.format("ps-%06d", n), new Dice(Dice.mix(seed, SINGLE_PATIENT, n)),
                REFERENCE);
        return document(String.format("single-%06d", n), style, patient, new Dice(Dice.mix(seed, SINGLE_DOCUMENT, n)));
    }

    /** An endless, ordered, sequential stream of documents; restarts from the seed on every call. */
    public Stream<GoldDocument> stream() {
        Iterator<GoldDocument> it = new Sequence();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    private static GoldDocument document(String id, NoteStyle style, Patient patient, Dice dice) {
        DocBuilder out = new DocBuilder(casing(style, dice));
        LocalDate visit = REFERENCE.plusDays(dice.between(-1200, 1200));
        NoteContext c = new NoteContext(dice, patient, out, visit, Person.draw(dice));
        switch (style) {
            case NURSING_NOTE -> NursingNoteWriter.write(c);
            case DISCHARGE_SUMMARY -> DischargeSummaryWriter.write(c);
            case RADIOLOGY_REPORT -> RadiologyReportWriter.write(c);
            case REFERRAL_LETTER -> ReferralLetterWriter.write(c);
            case CHAT_QUESTION -> ChatQuestionWriter.write(c);
            default -> throw new UnsupportedOperationException("note style " + style);
        }
        out.trimEnd();
        return new GoldDocument(id, style, patient.id(), out.text(), out.spans());
    }

    /** About one nursing note in seven is all capitals; about a third of chat questions all lower case. */
    private static DocBuilder.Casing casing(NoteStyle style, Dice dice) {
        if (style == NoteStyle.NURSING_NOTE && dice.chance(0.15)) {
            return DocBuilder.Casing.UPPER;
        }
        if (style == NoteStyle.CHAT_QUESTION && dice.chance(0.35)) {
            return DocBuilder.Casing.LOWER;
        }
        return DocBuilder.Casing.AS_IS;
    }

    /** Walks the corpus: deals styles in shuffled blocks of five and patients in runs of two to four. */
    private final class Sequence implements Iterator<GoldDocument> {

        private final Dice grouping = new Dice(Dice.mix(seed, GROUPING, 0));
        private final List<NoteStyle> block = new ArrayList<>();
        private long index;
        private long patientIndex = -1;
        private int left;
        private Patient patient;

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public GoldDocument next() {
            if (block.isEmpty()) {
                block.addAll(grouping.sample(List.of(NoteStyle.values()), NoteStyle.values().length));
            }
            if (left == 0) {
                patientIndex++;
                left = grouping.between(2, 4);
                patient = Patient.draw(String.format("pt-%06d", patientIndex),
                        new Dice(Dice.mix(seed, PATIENT, patientIndex)), REFERENCE);
            }
            left--;
            long n = index++;
            return document(String.format("doc-%06d", n), block.remove(0), patient,
                    new Dice(Dice.mix(seed, DOCUMENT, n)));
        }
    }
}
