package org.clinigate.synth;

import java.util.List;
import java.util.function.Consumer;

/**
 * The catalogue of optional sentences that spread every PHI category, and the traps, across the long
 * note styles. Drawing kinds uniformly keeps each category frequent in even a few hundred documents.
 * Stateless.
 */
final class Extras {

    private static final List<Consumer<NoteContext>> KINDS = List.of(ContactFragments::phone, ContactFragments::fax,
            ContactFragments::email, ContactFragments::url, ContactFragments::ip, ContactFragments::location,
            ContactFragments::organization, IdFragments::ssn, IdFragments::mrn, IdFragments::account,
            IdFragments::healthPlan, IdFragments::license, IdFragments::vehicle, IdFragments::device,
            IdFragments::otherId, PersonFragments::name, PersonFragments::date, PersonFragments::age, Traps::any,
            Traps::eponym);

    private Extras() {
    }

    /**
     * Appends up to {@code count} sentences, each after {@code separator}; a sentence that would
     * take the text past {@code limit} characters is rolled back and ends the run. Writers pass a
     * limit that leaves room for what they write after the extras, so notes stay under 2,500.
     */
    static void add(NoteContext c, String separator, int count, int limit) {
        for (int i = 0; i < count; i++) {
            DocBuilder.Mark mark = c.out.mark();
            c.t(separator);
            c.dice.pick(KINDS).accept(c);
            if (separator.equals(" ") && Character.isLetterOrDigit(c.out.lastChar())) {
                c.t(".");
            }
            if (c.out.length() > limit) {
                c.out.reset(mark);
                return;
            }
        }
    }
}
