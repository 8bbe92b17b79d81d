package org.clinigate.synth;

import java.util.List;

/** Draws ten-digit US numbers and writes them in the many shapes notes use. Stateless. */
final class Phones {

    private static final List<String> AREA_CODES = List.of("617", "312", "217", "559", "918", "405", "208", "509",
            "316", "402", "806", "209", "775", "801", "719", "785", "309", "815", "810", "517", "269", "419", "814",
            "570", "610", "609", "518", "315", "716", "585", "860", "508", "401", "207", "802", "603", "912", "478",
            "706", "251", "334", "256", "228", "601", "318", "337", "225", "501", "479", "901", "865", "423", "859",
            "502", "812", "260", "352", "850", "919", "828", "336", "540", "804", "757", "910", "302", "301", "218");

    private Phones() {
    }

    /** Ten digits: a plausible area code, an exchange not starting with 0 or 1, and a line number. */
    static String draw(Dice dice) {
        return dice.pick(AREA_CODES) + dice.between(200, 999) + String.format("%04d", dice.between(0, 9999));
    }

    /** {@code digits} in one of the common written shapes, sometimes with an extension. */
    static String format(Dice dice, String digits, boolean allowExtension) {
        String a = digits.substring(0, 3);
        String b = digits.substring(3, 6);
        String c = digits.substring(6);
        String number = switch (dice.between(0, 9)) {
            case 0, 1 -> "(" + a + ") " + b + "-" + c;
            case 2, 3 -> a + "-" + b + "-" + c;
            case 4 -> a + "." + b + "." + c;
            case 5 -> "+1 " + a + " " + b + " " + c;
            case 6 -> digits;
            case 7 -> "(" + a + ")" + b + "-" + c;
            case 8 -> "1-" + a + "-" + b + "-" + c;
            case 9 -> a + " " + b + " " + c;
            default -> throw new UnsupportedOperationException("phone shape");
        };
        if (allowExtension && dice.chance(0.12)) {
            number += dice.pick(" ext. ", " x", " ext ", " Ext. ") + dice.between(2, 4999);
        }
        return number;
    }
}
