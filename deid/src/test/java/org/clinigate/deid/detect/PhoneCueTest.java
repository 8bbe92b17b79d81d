package org.clinigate.deid.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written phone cue check agrees with the regular expression it replaced. */
class PhoneCueTest {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\b(?:phone|tel|telephone|call|cell|mobile|mob|contact|number|reach|fax|pager|page|ph|home|work"
                    + "|office|beeper|text|whatsapp)[^\\n]{0,24}$");

    @Property(tries = 3000)
    void agrees_with_the_reference_expression(@ForAll("before") String before) {
        assertThat(PhoneDetector.cueBefore(before)).as("[%s]", before).isEqualTo(REFERENCE.matcher(before).find());
    }

    @Provide
    Arbitrary<String> before() {
        return Arbitraries.of("Phone", "tel", "TEL:", "call", "cellar", "ph", "xph", "_fax", "home", " ", "  ", "\n",
                "\r\n", ":", "#", "x", "12", "(", "office", "telephone", "Mob", "a long run of words here")
                .list().ofMaxSize(8).map(l -> {
                    String s = String.join("", l);
                    return s.length() > 28 ? s.substring(s.length() - 28) : s;
                });
    }
}
