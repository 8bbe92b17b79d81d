package org.clinigate.eval.report;

import java.util.Locale;

/** HTML text escaping and number formatting for the report. Stateless. */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "\u2026";
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "\u2013";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
