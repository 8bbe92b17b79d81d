package org.clinigate.deid.transform;

import java.time.Year;
import java.util.List;
import java.util.SplittableRandom;
import org.clinigate.core.phi.PhiCategory;

/**
 * Realistic replacement values of the same shape as the original. Names and places come from small
 * invented pools; numbers keep their layout with fresh digits; SSNs start with 9 (never issued);
 * addresses and hosts use reserved documentation ranges. Stateless and thread safe.
 */
final class Surrogates {

    private static final List<String> FIRST = List.of("Avery", "Blake", "Casey", "Dana", "Ellis", "Frankie", "Gale",
            "Harper", "Indy", "Jules", "Kendall", "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese",
            "Sawyer", "Tatum", "Umber", "Val", "Wren", "Yael", "Zion");
    private static final List<String> LAST = List.of("Ashdown", "Birchfield", "Coldwater", "Dunmore", "Elmstead",
            "Fairbrook", "Greenholt", "Hollins", "Ironwood", "Juniper", "Kestrel", "Larkspur", "Merriam", "Northcote",
            "Oakhurst", "Pembrook", "Quarry", "Redfern", "Stillwell", "Thornbury", "Underhill", "Valemont",
            "Westbrook", "Yarrow", "Zeller");
    private static final List<String> CITIES = List.of("Brookhaven", "Cedar Falls", "Millbrook", "Riverton",
            "Lakeview", "Fairmont", "Glenwood", "Ashford", "Pine Ridge", "Stonebridge");
    private static final List<String> STREETS = List.of("Maple", "Cedar", "Willow", "Harbor", "Sunset", "Meadow",
            "Hillcrest", "Lakeshore", "Orchard", "Juniper");
    private static final List<String> ORGS = List.of("Lakeside General Hospital", "Riverside Medical Center",
            "Northfield Clinic", "Summit Health Partners", "Valley Care Associates", "Harborview Family Practice");

    private Surrogates() {
    }

    /** A surrogate for {@code original}; {@code n} is the scope's sequence number for the category. */
    static String of(PhiCategory category, String original, int n, long seed, int dateShiftDays) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + n * 7919L + category.ordinal());
        return switch (category) {
            case NAME -> name(original, rnd);
            case DATE -> date(original, dateShiftDays, rnd);
            case AGE -> "90+";
            case EMAIL -> "person" + n + "@example.org";
            case URL -> "https://example.org/ref/" + n;
            case IP -> original.indexOf(':') >= 0 ? "2001:db8::" + Integer.toHexString(n) : "192.0.2." + (1 + n % 254);
            case SSN -> "9" + reshape(original.substring(1), rnd);
            case LOCATION -> location(original, rnd);
            case ORGANIZATION -> ORGS.get(rnd.nextInt(ORGS.size()));
            case PHONE, FAX, MRN, ACCOUNT, HEALTH_PLAN, LICENSE, VEHICLE, DEVICE, ID -> reshape(original, rnd);
        };
    }

    private static String name(String original, SplittableRandom rnd) {
        StringBuilder out = new StringBuilder(original.length());
        int word = 0;
        int i = 0;
        String[] words = original.split("[^\\p{L}'’]+");
        int totalWords = (int) java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).count();
        while (i < original.length()) {
            char c = original.charAt(i);
            if (!Character.isLetter(c)) {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < original.length() && (Character.isLetter(original.charAt(j)) || original.charAt(j) == '\''
                    || original.charAt(j) == '’')) {
                j++;
            }
            String w = original.substring(i, j);
            String repl;
            if (w.length() == 1) {
                repl = String.valueOf((char) ('A' + rnd.nextInt(26)));
            } else {
                boolean last = word == totalWords - 1 && totalWords > 1;
                List<String> pool = last || totalWords == 1 && rnd.nextBoolean() ? LAST : FIRST;
                repl = pool.get(rnd.nextInt(pool.size()));
            }
            out.append(matchCase(w, repl));
            word++;
            i = j;
        }
        return out.toString();
    }

    private static String date(String original, int days, SplittableRandom rnd) {
        if (original.matches("\\d{4}")) {
            return Integer.toString(Year.now().getValue() - 90); // a birth year over 89 years ago, aggregated
        }
        String shifted = DateShifter.shift(original, days);
        return shifted != null ? shifted : reshape(original, rnd);
    }

    private static String location(String original, SplittableRandom rnd) {
        if (original.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == ' ')) {
            return reshape(original, rnd);
        }
        if (Character.isDigit(original.charAt(0))) {
            return (100 + rnd.nextInt(9000)) + " " + STREETS.get(rnd.nextInt(STREETS.size())) + " Street";
        }
        return matchCase(original, CITIES.get(rnd.nextInt(CITIES.size())));
    }

    /** Same layout: each digit becomes a random digit, each letter a random letter of the same case. */
    static String reshape(String s, SplittableRandom rnd) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append((char) ('0' + rnd.nextInt(10)));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + rnd.nextInt(26)));
            } else if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + rnd.nextInt(26)));
            } else if (Character.isLetterOrDigit(c)) {
                out.append('x');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String matchCase(String like, String value) {
        if (like.length() > 1 && like.equals(like.toUpperCase(java.util.Locale.ROOT))) {
            return value.toUpperCase(java.util.Locale.ROOT);
        }
        if (like.equals(like.toLowerCase(java.util.Locale.ROOT))) {
            return value.toLowerCase(java.util.Locale.ROOT);
        }
        return value;
    }
}
