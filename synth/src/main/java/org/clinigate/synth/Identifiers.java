package org.clinigate.synth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Draws identifier values in realistic shapes. Numbers that carry check digits in real life (NPI, DEA,
 * VIN, payment cards) get valid ones here, so a detector that checks them is not punished. Stateless.
 */
final class Identifiers {

    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final String VIN_VALUES = "12345678" + "12345" + "7" + "9" + "2345678" + "9"; // A-H J-N P R S-Z
    private static final String VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY";

    private Identifiers() {
    }

    /** The name folded to plain lower-case ASCII letters, for e-mail addresses and URLs. */
    static String ascii(String name) {
        String folded = Normalizer.normalize(name.replace("Ł", "L").replace("ł", "l"), Normalizer.Form.NFD);
        return folded.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    static String email(Dice dice, Person p) {
        String first = ascii(p.first());
        String last = ascii(p.last());
        String local = switch (dice.between(0, 4)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last + dice.between(1, 99);
            case 2 -> first + "_" + last + dice.between(50, 2005);
            case 3 -> last + first.charAt(0);
            case 4 -> first + dice.between(10, 99);
            default -> throw new UnsupportedOperationException("e-mail shape");
        };
        return local + "@" + dice.pick("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com",
                "protonmail.com", "comcast.net", "att.net");
    }

    /** Nine digits with a valid area (not 000, 666 or 9xx), group and serial. */
    static String ssnDigits(Dice dice) {
        int area = dice.between(1, 898);
        return String.format("%03d%02d%04d", area == 666 ? 667 : area, dice.between(1, 99), dice.between(1, 9999));
    }

    static String ssn(Dice dice, String digits) {
        return switch (dice.between(0, 4)) {
            case 0, 1, 2 -> digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
            case 3 -> digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5);
            case 4 -> digits;
            default -> throw new UnsupportedOperationException("SSN shape");
        };
    }

    /** A Luhn-valid Visa or Mastercard number, grouped in fours or not. */
    static String paymentCard(Dice dice) {
        String payload = dice.chance(0.6) ? "4" + dice.digits(14) : "5" + dice.between(1, 5) + dice.digits(13);
        String number = payload + luhn(payload);
        String sep = dice.pick(" ", "-", "");
        return number.substring(0, 4) + sep + number.substring(4, 8) + sep + number.substring(8, 12) + sep
                + number.substring(12);
    }

    /** A National Provider Identifier: nine digits and a Luhn check over the 80840 prefix. */
    static String npi(Dice dice) {
        String payload = dice.pick("1", "2") + dice.digits(8);
        String check = luhn("80840" + payload);
        return payload + check;
    }

    /** A DEA registration number: two letters, six digits and the DEA check digit. */
    static String dea(Dice dice, Person prescriber) {
        String last = ascii(prescriber.last()).toUpperCase(Locale.ROOT);
        String letters = dice.pick("A", "B", "F", "G", "M") + (last.isEmpty() ? "X" : last.substring(0, 1));
        String six = dice.digits(6);
        int odd = digit(six, 0) + digit(six, 2) + digit(six, 4);
        int even = digit(six, 1) + digit(six, 3) + digit(six, 5);
        return letters + six + (odd + 2 * even) % 10;
    }

    /** A Medicare Beneficiary Identifier (1EG4-TE5-MK73 shape), with or without dashes. */
    static String mbi(Dice dice) {
        String alpha = MBI_LETTERS;
        String an = MBI_LETTERS + "0123456789";
        StringBuilder sb = new StringBuilder();
        sb.append(dice.between(1, 9)).append(pick(dice, alpha)).append(pick(dice, an)).append(dice.between(0, 9));
        boolean dashes = dice.chance(0.5);
        sb.append(dashes ? "-" : "").append(pick(dice, alpha)).append(pick(dice, an)).append(dice.between(0, 9));
        sb.append(dashes ? "-" : "").append(pick(dice, alpha)).append(pick(dice, alpha)).append(dice.between(0, 9));
        return sb.append(dice.between(0, 9)).toString();
    }

    /** A 17-character vehicle identification number with a valid check digit in position 9. */
    static String vin(Dice dice) {
        char[] vin = new char[17];
        for (int i = 0; i < 17; i++) {
            vin[i] = i >= 12 ? (char) ('0' + dice.between(0, 9)) : VIN_CHARS.charAt(dice.between(0, 32));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += vinValue(vin[i]) * VIN_WEIGHTS[i];
        }
        int check = sum % 11;
        vin[8] = check == 10 ? 'X' : (char) ('0' + check);
        return new String(vin);
    }

    static String plate(Dice dice) {
        return switch (dice.between(0, 3)) {
            case 0 -> dice.between(1, 9) + dice.letters(3) + dice.digits(3);
            case 1 -> dice.letters(3) + "-" + dice.digits(4);
            case 2 -> dice.letters(3) + " " + dice.digits(4);
            case 3 -> dice.digits(3) + dice.letters(3);
            default -> throw new UnsupportedOperationException("plate shape");
        };
    }

    static String ipv4(Dice dice) {
        return switch (dice.between(0, 3)) {
            case 0 -> "10." + dice.between(0, 255) + "." + dice.between(0, 255) + "." + dice.between(1, 254);
            case 1 -> "192.168." + dice.between(0, 255) + "." + dice.between(1, 254);
            default -> dice.between(11, 223) + "." + dice.between(0, 255) + "." + dice.between(0, 255) + "."
                    + dice.between(1, 254);
        };
    }

    static String ipv6(Dice dice) {
        String a = Integer.toHexString(dice.between(0x100, 0xffff));
        String b = Integer.toHexString(dice.between(0x10, 0xffff));
        String c = Integer.toHexString(dice.between(0x100, 0xffff));
        return switch (dice.between(0, 2)) {
            case 0 -> "2001:db8:" + a + "::" + b + ":" + c;
            case 1 -> "fe80::" + a + ":" + b + ":" + c + ":" + Integer.toHexString(dice.between(1, 0xffff));
            default -> "2600:1700:" + a + ":" + b + ":" + c + ":" + Integer.toHexString(dice.between(1, 0xffff))
                    + ":0:" + Integer.toHexString(dice.between(1, 0xfff));
        };
    }

    /** A GS1 unique device identifier: device id, expiry and lot, in human-readable form. */
    static String udi(Dice dice) {
        return "(01)0" + dice.digits(13) + "(17)" + dice.between(25, 31) + String.format("%02d%02d",
                dice.between(1, 12), dice.between(1, 28)) + "(10)" + dice.letters(1) + dice.digits(3) + dice.alnum(2);
    }

    static String deviceSerial(Dice dice) {
        return switch (dice.between(0, 2)) {
            case 0 -> dice.letters(3) + dice.digits(6) + dice.letters(1);
            case 1 -> "SN-" + dice.digits(5) + "-" + dice.letters(2);
            default -> dice.digits(10);
        };
    }

    /** The Luhn check digit for {@code payload}. */
    static String luhn(String payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = digit(payload, i);
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return String.valueOf((10 - sum % 10) % 10);
    }

    private static int vinValue(char c) {
        int letter = VIN_LETTERS.indexOf(c);
        return letter >= 0 ? VIN_VALUES.charAt(letter) - '0' : c - '0';
    }

    private static char pick(Dice dice, String alphabet) {
        return alphabet.charAt(dice.between(0, alphabet.length() - 1));
    }

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }
}
