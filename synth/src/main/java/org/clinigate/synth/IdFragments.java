package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.ACCOUNT;
import static org.clinigate.core.phi.PhiCategory.DEVICE;
import static org.clinigate.core.phi.PhiCategory.HEALTH_PLAN;
import static org.clinigate.core.phi.PhiCategory.ID;
import static org.clinigate.core.phi.PhiCategory.LICENSE;
import static org.clinigate.core.phi.PhiCategory.MRN;
import static org.clinigate.core.phi.PhiCategory.SSN;
import static org.clinigate.core.phi.PhiCategory.VEHICLE;

import java.util.Locale;

/**
 * Sentences that carry numbered identifiers: SSN, record, account, health plan, licence, vehicle,
 * device and other ids. The label ("MRN:", "DEA #") stays outside the span; only the identifier is
 * inside. Each writes one sentence without a trailing separator. Stateless.
 */
final class IdFragments {

    private IdFragments() {
    }

    static void ssn(NoteContext c) {
        String digits = c.patient.ssn();
        switch (c.dice.between(0, 3)) {
            case 0 -> c.t("SSN: ").phi(SSN, Identifiers.ssn(c.dice, digits));
            case 1 -> c.t("Social Security number ").phi(SSN, Identifiers.ssn(c.dice, digits)).t(" verified.");
            case 2 -> c.t("SS# ").phi(SSN, Identifiers.ssn(c.dice, digits));
            case 3 -> c.t("SSN: ").phi(SSN, digits);
            default -> throw new UnsupportedOperationException("SSN sentence");
        }
    }

    static void mrn(NoteContext c) {
        mrnLabel(c);
        c.phi(MRN, c.dice.chance(0.8) ? c.patient.mrn() : c.dice.digits(8));
    }

    /** One of the labels a record number follows. */
    static void mrnLabel(NoteContext c) {
        c.t(c.dice.pick("MRN: ", "MRN ", "MR# ", "MR#: ", "Medical record number ", "Med Rec #: ", "Med Rec # ",
                "Outside MRN: ", "mrn "));
    }

    static void account(NoteContext c) {
        switch (c.dice.between(0, 5)) {
            case 0 -> c.t("Acct #: ").phi(ACCOUNT, c.patient.account());
            case 1 -> c.t("Account number ").phi(ACCOUNT, c.dice.digits(4) + "-" + c.dice.digits(3) + "-"
                    + String.format("%02d", c.dice.between(1, 99))).t(" on the statement.");
            case 2 -> c.t("Billing account ").phi(ACCOUNT, "BA-" + c.dice.digits(7)).t(" is past due.");
            case 3 -> c.t("Copay charged to card ").phi(ACCOUNT, Identifiers.paymentCard(c.dice)).t(".");
            case 4 -> c.t("Credit card on file: ").phi(ACCOUNT, Identifiers.paymentCard(c.dice));
            case 5 -> c.t("Hospital account # ").phi(ACCOUNT, c.patient.account());
            default -> throw new UnsupportedOperationException("account sentence");
        }
    }

    static void healthPlan(NoteContext c) {
        switch (c.dice.between(0, 5)) {
            case 0 -> c.t("Member ID: ").phi(HEALTH_PLAN, c.patient.memberId());
            case 1 -> c.t("Medicaid ID ").phi(HEALTH_PLAN, c.dice.digits(8) + c.dice.letters(1)).t(" active.");
            case 2 -> c.t("Policy number ").phi(HEALTH_PLAN, "POL-" + c.dice.digits(8)).t(" (secondary).");
            case 3 -> c.t("Insurance ID: ").phi(HEALTH_PLAN, c.dice.letters(1) + c.dice.digits(9));
            case 4 -> c.t("Medicare Beneficiary Identifier ").phi(HEALTH_PLAN, Identifiers.mbi(c.dice)).t(".");
            case 5 -> c.t("Subscriber ID ").phi(HEALTH_PLAN, c.patient.memberId()).t(", group plan through employer.");
            default -> throw new UnsupportedOperationException("health plan sentence");
        }
    }

    static void license(NoteContext c) {
        switch (c.dice.between(0, 5)) {
            case 0 -> {
                c.t("Prescriber ");
                Names.clinician(c, c.author);
                c.t(", DEA #").phi(LICENSE, Identifiers.dea(c.dice, c.author)).t(".");
            }
            case 1 -> c.t("Ordering provider NPI ").phi(LICENSE, Identifiers.npi(c.dice)).t(".");
            case 2 -> c.t("Nurse license no. ").phi(LICENSE, "RN" + c.dice.digits(7)).t(".");
            case 3 -> c.t("State license ").phi(LICENSE, c.dice.letters(1) + c.dice.digits(6)).t(" verified.");
            case 4 -> c.t("Interpreter certificate # ").phi(LICENSE, "CRT-" + c.dice.digits(5)).t(".");
            case 5 -> c.t("Driver's license ").phi(LICENSE, c.dice.letters(1) + c.dice.digits(7))
                    .t(" copied for registration.");
            default -> throw new UnsupportedOperationException("licence sentence");
        }
    }

    static void vehicle(NoteContext c) {
        switch (c.dice.between(0, 3)) {
            case 0 -> c.t("Pt was the restrained driver of a " + c.dice.between(2004, 2023) + " sedan, VIN ")
                    .phi(VEHICLE, Identifiers.vin(c.dice)).t(".");
            case 1 -> c.t("Car towed from scene, license plate ").phi(VEHICLE, Identifiers.plate(c.dice))
                    .t(" (" + c.dice.pick(PlacePools.STATES) + ").");
            case 2 -> c.t("Police report lists plate number ").phi(VEHICLE, Identifiers.plate(c.dice)).t(".");
            case 3 -> c.t("Vehicle identification number ").phi(VEHICLE, Identifiers.vin(c.dice))
                    .t(" recorded by EMS.");
            default -> throw new UnsupportedOperationException("vehicle sentence");
        }
    }

    static void device(NoteContext c) {
        switch (c.dice.between(0, 4)) {
            case 0 -> c.t(c.dice.pick("Pacemaker serial number ", "Dual-chamber pacemaker, serial number "))
                    .phi(DEVICE, Identifiers.deviceSerial(c.dice))
                    .t(", interrogated.");
            case 1 -> c.t("Device ID: ").phi(DEVICE, "0" + c.dice.digits(13));
            case 2 -> c.t("Implant UDI ").phi(DEVICE, Identifiers.udi(c.dice)).t(" logged.");
            case 3 -> c.t("Insulin pump serial # ").phi(DEVICE, Identifiers.deviceSerial(c.dice)).t(".");
            case 4 -> c.t("ICD model " + c.dice.letters(1) + c.dice.digits(3) + "DR, serial ")
                    .phi(DEVICE, Identifiers.deviceSerial(c.dice)).t(".");
            default -> throw new UnsupportedOperationException("device sentence");
        }
    }

    static void otherId(NoteContext c) {
        switch (c.dice.between(0, 6)) {
            case 0 -> c.t("Enrolled in trial, study ID ")
                    .phi(ID, "STU-" + c.dice.digits(4) + "-" + String.format("%03d", c.dice.between(1, 999))).t(".");
            case 1 -> c.t("Social work case #").phi(ID, c.dice.between(10, 25) + "-" + c.dice.digits(5)).t(".");
            case 2 -> c.t("Accession number ").phi(ID, accession(c.dice));
            case 3 -> c.t("Fingerprint ID ").phi(ID, "FP-" + Integer.toHexString(c.dice.between(0x10000000, 0x7ffffffe))
                    .toUpperCase(Locale.ROOT)).t(" used for med cabinet access.");
            case 4 -> c.t("Biometric template ID ").phi(ID, "BIO-" + c.dice.alnum(10)).t(" on file.");
            case 5 -> c.t("Employee ID ").phi(ID, "E" + c.dice.digits(6)).t(" (occupational health).");
            case 6 -> c.t("Tissue bank specimen ID ").phi(ID, c.dice.letters(2) + c.dice.digits(7)).t(".");
            default -> throw new UnsupportedOperationException("id sentence");
        }
    }

    static String accession(Dice dice) {
        return dice.pick("RAD", "ACC", "CT", "MR") + dice.digits(dice.between(7, 9));
    }
}
