package org.clinigate.safety.medication;

/** The kinds of medication finding; each is one rule of the output rule set. */
public enum MedCheck {
    /** One dose above the single-dose limit. */
    OVERDOSE_SINGLE,
    /** A daily (or, for weekly drugs, weekly) total above its limit, computed from dose and frequency. */
    OVERDOSE_DAILY,
    /** A dose five to ten times a limit whose tenth is within it: a slipped decimal point. */
    TENFOLD,
    /** A dose about a thousand times a limit whose thousandth is plausible: mg written for mcg (or g for mg). */
    UNIT_CONFUSION,
    /** A drug dosed weekly written with a daily schedule (methotrexate). */
    INTERVAL,
    /** A dose above the paediatric limit for a patient under the adult age, or a drug the label advises against. */
    PEDIATRIC,
    /** Two drugs the interaction table lists as a dangerous pair, both advised. */
    INTERACTION,
    /** A dose written with a trailing zero (5.0 mg) or without a leading zero (.5 mg). */
    NOTATION
}
