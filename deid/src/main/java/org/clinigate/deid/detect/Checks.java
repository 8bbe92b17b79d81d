package org.clinigate.deid.detect;

import java.math.BigInteger;

/** Check-digit and shape validators for structured identifiers. Pure functions. */
final class Checks {

    private Checks() {
    }

    /** Luhn mod-10 over the digits of {@code s}, ignoring separators (card numbers, NPI). */
    static boolean luhn(CharSequence s) {
        int sum = 0;
        boolean dbl = false;
        int digits = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
            digits++;
        }
        return digits > 0 && sum % 10 == 0;
    }

    /** IBAN mod-97 (ISO 13616): move the first four characters to the end, letters to numbers. */
    static boolean iban(String s) {
        String t = s.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (t.length() < 15 || t.length() > 34) {
            return false;
        }
        String r = t.substring(4) + t.substring(0, 4);
        StringBuilder num = new StringBuilder();
        for (char c : r.toCharArray()) {
            if (Character.isDigit(c)) {
                num.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                num.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** DEA registration number check digit. */
    static boolean dea(String s) {
        if (s.length() != 9) {
            return false;
        }
        int[] d = new int[7];
        for (int i = 0; i < 7; i++) {
            char c = s.charAt(i + 2);
            if (c < '0' || c > '9') {
                return false;
            }
            d[i] = c - '0';
        }
        int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        return sum % 10 == d[6];
    }

    /** True when month and day form a plausible calendar date (Feb 29 allowed). */
    static boolean monthDay(int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int[] max = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return day <= max[month - 1];
    }

    /** Counts the ASCII digits in a string. */
    static int digits(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }
}
