package org.clinigate.safety.medication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinigate.core.rails.RailContext;

/**
 * Compares one dose with its drug's limits and names the worst excess. Every comparison is a ratio of the written
 * amount (single, daily or weekly; absolute or per kg) to a limit; the largest ratio above 1 decides, classified as a
 * unit confusion (100x or more, its thousandth within the limit), a tenfold error (5x or more, its tenth within), a
 * paediatric excess, or a single or daily overdose. Stateless.
 */
final class DoseJudge {

    /** When weight is estimated from age, children vary this much above the estimate. */
    private static final double ESTIMATE_MARGIN = 1.5;
    private static final double EPSILON = 1e-9;
    /** At this excess and above, with a tenth within the limit, a slipped decimal point is the likelier story. */
    private static final double TENFOLD_RATIO = 5;

    private enum Scope {
        SINGLE, DAILY, WEEKLY
    }

    private record Comparison(Scope scope, boolean perKg, boolean pediatric, double value, double limit,
            String basis) {
        double ratio() {
            return value / limit;
        }
    }

    private DoseJudge() {
    }

    static Optional<MedFinding> judge(Drug d, DoseMention m, RailContext ctx) {
        OptionalDouble age = ctx.ageYears();
        boolean child = age.isPresent() && age.getAsDouble() < d.adultFromAge();
        int start = m.flagStart();
        if (child && d.notUnderAge() != null && age.getAsDouble() < d.notUnderAge()) {
            return Optional.of(new MedFinding(MedCheck.PEDIATRIC, start, m.spanEnd(), d.name()
                    + " is not advised under " + num(d.notUnderAge()) + " years by its label; patient is "
                    + num(age.getAsDouble()) + " (" + d.source() + ")"));
        }
        Double weight = ctx.patientWeightKg();
        boolean estimated = false;
        if (weight == null && child) {
            weight = estimateWeight(age.getAsDouble());
            estimated = true;
        }
        List<Comparison> cmps = comparisons(d, m, child, weight, estimated, ctx.patientWeightKg());
        Comparison worst = null;
        for (Comparison c : cmps) {
            if (c.ratio() > 1 + EPSILON && (worst == null || c.ratio() > worst.ratio())) {
                worst = c;
            }
        }
        if (worst == null) {
            return Optional.empty();
        }
        return Optional.of(new MedFinding(classify(m, worst), start, m.spanEnd(), message(d, m, worst, estimated)));
    }

    private static List<Comparison> comparisons(Drug d, DoseMention m, boolean child, Double weight,
            boolean estimated, Double ctxWeight) {
        double[] q = quantities(m, d.weekly());
        double single = q[0];
        double daily = q[1];
        double weekly = q[2];
        List<Comparison> out = new ArrayList<>();
        Limits adult = d.adultLimits(m.route()).orElse(null);
        Limits ped = d.pediatricLimits(m.route()).orElse(null);
        double margin = estimated ? ESTIMATE_MARGIN : 1;
        if (m.perKg()) {
            Limits perKg = child ? ped : adult != null && adult.maxPerKgDoseMg() != null ? adult : ped;
            addPerKg(out, perKg, single, daily, 1, child);
            if (weight != null) {
                addAbsolute(out, child ? ped : null, adult, times(single, weight), times(daily, weight), times(weekly,
                        weight), child);
            }
            return out;
        }
        if (child && ped != null && weight != null) {
            addPerKg(out, ped, div(single, weight), div(daily, weight), margin, true);
        } else if (!child && adult != null && ctxWeight != null) {
            addPerKg(out, adult, div(single, ctxWeight), div(daily, ctxWeight), 1, false);
        }
        addAbsolute(out, child ? ped : null, adult, single, daily, weekly, child);
        return out;
    }

    /** {single, daily, weekly} amounts in mg (per kg when the mention is), NaN where unknown. */
    private static double[] quantities(DoseMention m, boolean weeklyDrug) {
        double a = m.amountMg();
        double nan = Double.NaN;
        DoseMention.Period period = m.period();
        if (period == DoseMention.Period.DOSE && m.limitStatement() && m.dosesPerDay() == null) {
            period = weeklyDrug ? DoseMention.Period.WEEK : DoseMention.Period.DAY;
        }
        return switch (period) {
            case DOSE -> {
                double daily = m.dosesPerDay() == null ? nan : a * m.dosesPerDay();
                yield new double[]{a, daily, daily * 7};
            }
            case DAY -> new double[]{nan, a, a * 7};
            case WEEK -> new double[]{nan, a / 7, a};
        };
    }

    private static void addPerKg(List<Comparison> out, Limits l, double single, double daily, double margin,
            boolean pediatric) {
        if (l == null) {
            return;
        }
        add(out, Scope.SINGLE, true, pediatric, single, l.maxPerKgDoseMg(), margin, l.basis());
        add(out, Scope.DAILY, true, pediatric, daily, l.maxPerKgDayMg(), margin, l.basis());
    }

    private static void addAbsolute(List<Comparison> out, Limits ped, Limits adult, double single, double daily,
            double weekly, boolean child) {
        if (ped != null) {
            add(out, Scope.SINGLE, false, true, single, ped.maxSingleMg(), 1, ped.basis());
            add(out, Scope.DAILY, false, true, daily, ped.maxDailyMg(), 1, ped.basis());
        }
        if (adult != null) {
            add(out, Scope.SINGLE, false, child && ped != null, single, adult.maxSingleMg(), 1, adult.basis());
            add(out, Scope.DAILY, false, child && ped != null, daily, adult.maxDailyMg(), 1, adult.basis());
            add(out, Scope.WEEKLY, false, child && ped != null, weekly, adult.maxWeeklyMg(), 1, adult.basis());
        }
    }

    private static void add(List<Comparison> out, Scope scope, boolean perKg, boolean pediatric, double value,
            Double limit, double margin, String basis) {
        if (limit != null && !Double.isNaN(value)) {
            out.add(new Comparison(scope, perKg, pediatric, value, limit * margin, basis));
        }
    }

    private static MedCheck classify(DoseMention m, Comparison c) {
        double r = c.ratio();
        boolean biggerUnit = m.unit().equals("mg") || m.unit().equals("g");
        if (biggerUnit && r >= 100 && r / 1000 <= 1 + EPSILON) {
            return MedCheck.UNIT_CONFUSION;
        }
        if (r >= TENFOLD_RATIO && r / 10 <= 1 + EPSILON) {
            return MedCheck.TENFOLD;
        }
        if (c.pediatric) {
            return MedCheck.PEDIATRIC;
        }
        return c.scope == Scope.SINGLE ? MedCheck.OVERDOSE_SINGLE : MedCheck.OVERDOSE_DAILY;
    }

    private static String message(Drug d, DoseMention m, Comparison c, boolean estimated) {
        String what = switch (c.scope) {
            case SINGLE -> "single dose";
            case DAILY -> "daily total";
            case WEEKLY -> "weekly total";
        };
        String who = c.pediatric ? "paediatric" : "adult";
        String kind = switch (c.basis) {
            case "label-maximum" -> "maximum";
            case "label-highest" -> "highest labelled dose";
            default -> "usual upper dose";
        };
        String per = c.perKg ? "/kg" : "";
        StringBuilder sb = new StringBuilder();
        sb.append(d.name()).append(' ').append(what).append(' ').append(amount(d, c.value)).append(per).append(
                " is ").append(times(c.ratio())).append(" the ").append(who).append(' ').append(kind).append(" of ")
                .append(amount(d, c.limit)).append(per);
        if (estimated && c.perKg) {
            sb.append(" (weight not given; estimated from age, with margin)");
        }
        MedCheck k = classify(m, c);
        if (k == MedCheck.UNIT_CONFUSION) {
            sb.append(m.unit().equals("g") ? "; g written for mg?" : "; mg written for mcg?");
        } else if (k == MedCheck.TENFOLD) {
            sb.append("; a misplaced decimal point?");
        }
        return sb.append(" (").append(d.source()).append(')').toString();
    }

    /** An amount in the unit the drug's table row uses. */
    private static String amount(Drug d, double mg) {
        return d.displayUnit().equals("mcg") ? num(mg * 1000) + " mcg" : num(mg) + " mg";
    }

    private static String times(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0f times", r) : String.format(Locale.ROOT, "%.1f times", r);
    }

    static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static double times(double v, double w) {
        return Double.isNaN(v) ? v : v * w;
    }

    private static double div(double v, double w) {
        return Double.isNaN(v) ? v : v / w;
    }

    /**
     * A child's weight from age by the APLS formulae (Advanced Paediatric Life Support, 5th ed.): under 1 year
     * (0.5 x months) + 4; 1 to 5 years 2 x age + 8; 6 years and over 3 x age + 7. Used only when no weight is
     * given, and then with {@link #ESTIMATE_MARGIN}.
     */
    static double estimateWeight(double ageYears) {
        if (ageYears < 1) {
            return 0.5 * ageYears * 12 + 4;
        }
        if (ageYears < 6) {
            return 2 * Math.floor(ageYears) + 8;
        }
        return 3 * Math.floor(ageYears) + 7;
    }
}
