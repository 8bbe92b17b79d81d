package org.clinigate.synth;

import static org.clinigate.core.phi.PhiCategory.EMAIL;
import static org.clinigate.core.phi.PhiCategory.FAX;
import static org.clinigate.core.phi.PhiCategory.IP;
import static org.clinigate.core.phi.PhiCategory.LOCATION;
import static org.clinigate.core.phi.PhiCategory.NAME;
import static org.clinigate.core.phi.PhiCategory.ORGANIZATION;
import static org.clinigate.core.phi.PhiCategory.PHONE;
import static org.clinigate.core.phi.PhiCategory.URL;

/**
 * Sentences that carry contact details and places: phone, fax, e-mail, URL, IP address, street
 * address, city and organisation. Each writes one sentence without a trailing separator. Stateless.
 */
final class ContactFragments {

    private ContactFragments() {
    }

    static void phone(NoteContext c) {
        String own = Phones.format(c.dice, c.patient.phone(), true);
        switch (c.dice.between(0, 5)) {
            case 0 -> c.t("Pt can be reached at ").phi(PHONE, own).t(".");
            case 1 -> c.t("Callback number: ").phi(PHONE, own);
            case 2 -> c.t("Home phone ").phi(PHONE, own).t(", cell ")
                    .phi(PHONE, Phones.format(c.dice, Phones.draw(c.dice), false)).t(".");
            case 3 -> c.t("Left voicemail at ").phi(PHONE, own).t(" re: lab results.");
            case 4 -> {
                c.t("Emergency contact: ").phi(NAME, c.patient.partner().full()).t(" ");
                c.t("(" + c.partnerRelation() + ") ");
                c.phi(PHONE, Phones.format(c.dice, Phones.draw(c.dice), false));
            }
            case 5 -> c.t(c.dice.pick("Tel: ", "Ph: ", "phone# ", "Phone: ")).phi(PHONE, own);
            default -> throw new UnsupportedOperationException("phone sentence");
        }
    }

    static void fax(NoteContext c) {
        String fax = Phones.format(c.dice, Phones.draw(c.dice), false);
        switch (c.dice.between(0, 4)) {
            case 0 -> c.t("Please fax records to ").phi(FAX, fax).t(".");
            case 1 -> c.t("Fax: ").phi(FAX, fax);
            case 2 -> c.t("Results faxed to ").phi(ORGANIZATION, c.dice.pick(OrgPools.HOSPITALS)).t(" at ")
                    .phi(FAX, fax).t(".");
            case 3 -> c.t("fax # ").phi(FAX, fax);
            case 4 -> c.t("Signed consent returned by fax ").phi(FAX, fax).t(".");
            default -> throw new UnsupportedOperationException("fax sentence");
        }
    }

    static void email(NoteContext c) {
        switch (c.dice.between(0, 3)) {
            case 0 -> c.t("Pt prefers email: ").phi(EMAIL, c.patient.email()).t(".");
            case 1 -> c.t("Portal invitation sent to ").phi(EMAIL, c.patient.email()).t(".");
            case 2 -> c.t(capitalised(c.childRelation())).t(" asks for updates at ")
                    .phi(EMAIL, Identifiers.email(c.dice, c.patient.child())).t(".");
            case 3 -> c.t("Contact ").phi(EMAIL, c.patient.email()).t(" with questions");
            default -> throw new UnsupportedOperationException("e-mail sentence");
        }
    }

    static void url(NoteContext c) {
        String url = url(c.dice, c.patient);
        switch (c.dice.between(0, 3)) {
            case 0 -> c.t("Patient portal: ").phi(URL, url);
            case 1 -> c.t("Education materials reviewed at ").phi(URL, url).t(".");
            case 2 -> c.t("Pt shared a fundraising page (").phi(URL, url).t(") with staff.");
            case 3 -> c.t("Wound photos uploaded to ").phi(URL, url).t(" for review.");
            default -> throw new UnsupportedOperationException("URL sentence");
        }
    }

    /** A patient-specific address: a portal page, a record link or a personal page. */
    static String url(Dice dice, Patient p) {
        String org = slug(dice.pick(OrgPools.HOSPITALS));
        String first = Identifiers.ascii(p.name().first());
        String last = Identifiers.ascii(p.name().last());
        return switch (dice.between(0, 5)) {
            case 0 -> "https://mychart." + org + ".org/patient/" + dice.digits(6);
            case 1 -> "www.example-clinic.org/patient/" + dice.digits(dice.between(3, 7));
            case 2 -> "http://portal." + org + ".com/records?id=" + dice.digits(8);
            case 3 -> "https://www.facebook.com/" + first + "." + last + "." + dice.between(1, 99);
            case 4 -> "https://www.gofundme.com/f/help-" + first + "-" + last;
            case 5 -> "https://" + org + ".org/referrals/" + dice.letters(2) + dice.digits(6);
            default -> throw new UnsupportedOperationException("URL shape");
        };
    }

    static void ip(NoteContext c) {
        String ip = c.dice.chance(0.8) ? Identifiers.ipv4(c.dice) : Identifiers.ipv6(c.dice);
        switch (c.dice.between(0, 3)) {
            case 0 -> c.t("Telehealth visit connected from IP ").phi(IP, ip).t(".");
            case 1 -> c.t("Home monitor last synced from ").phi(IP, ip).t(" at " + Dates.time(c.dice) + ".");
            case 2 -> c.t("Portal login from ").phi(IP, ip).t(" flagged by IT security.");
            case 3 -> c.t("Remote access session, IP address ").phi(IP, ip);
            default -> throw new UnsupportedOperationException("IP sentence");
        }
    }

    static void location(NoteContext c) {
        Address a = c.patient.address();
        switch (c.dice.between(0, 6)) {
            case 0, 1 -> {
                c.t(c.dice.pick("Lives at ", "Home address: ", "Resides at "));
                address(c, a);
                c.t(".");
            }
            case 2 -> c.t("Lives in ").phi(LOCATION, a.city()).t(" with " + c.possessive() + " family.");
            case 3 -> c.t("Recently moved from ").phi(LOCATION, c.dice.pick(PlacePools.CITIES))
                    .t(", " + c.dice.pick(PlacePools.STATE_NAMES) + ".");
            case 4 -> c.t("Mailing address: ").phi(LOCATION, "PO Box " + c.dice.digits(c.dice.between(3, 5)))
                    .t(", ").phi(LOCATION, a.city()).t(", " + a.state() + " ").phi(LOCATION, a.zip());
            case 5 -> c.t("Resident of ").phi(LOCATION, c.dice.pick(PlacePools.COUNTIES) + " County").t(".");
            case 6 -> c.t("Found near the corner of ").phi(LOCATION, c.dice.pick(PlacePools.STREETS) + " Street")
                    .t(" and ").phi(LOCATION, c.dice.pick(PlacePools.STREETS) + " Avenue").t(" by EMS.");
            default -> throw new UnsupportedOperationException("location sentence");
        }
    }

    /** "221 Oak Street, Apt 4B, Springfield, IL 62704": each part its own span, the state none. */
    static void address(NoteContext c, Address a) {
        c.phi(LOCATION, a.street());
        if (!a.unit().isEmpty()) {
            c.t(", ").phi(LOCATION, a.unit());
        }
        c.t(", ").phi(LOCATION, a.city()).t(", " + a.state() + " ").phi(LOCATION, a.zip());
    }

    static void organization(NoteContext c) {
        boolean minor = c.age() < 18;
        switch (c.dice.between(0, 5)) {
            case 0 -> c.t(minor ? "Parent works at " : "Works at ").phi(ORGANIZATION, c.patient.employer())
                    .t(c.dice.pick(" as a driver.", " in the warehouse.", " part time.", "; on leave since injury."));
            case 1 -> c.t(minor ? "Family insured through " : "Retired from ")
                    .phi(ORGANIZATION, c.patient.employer()).t(".");
            case 2 -> {
                String who = minor ? "Pt" : c.dice.pick("Son", "Daughter", "Grandson");
                c.t(who + " attends ").phi(ORGANIZATION, c.dice.pick(OrgPools.SCHOOLS)).t(".");
            }
            case 3 -> c.t("Transferred from ").phi(ORGANIZATION, c.dice.pick(OrgPools.HOSPITALS))
                    .t(" for higher level of care.");
            case 4 -> c.t("Follows with cardiology at ").phi(ORGANIZATION, c.dice.pick(OrgPools.HOSPITALS)).t(".");
            case 5 -> c.t("Previously admitted to ").phi(ORGANIZATION, c.patient.hospital())
                    .t(" in " + c.dice.between(2005, 2018) + ".");
            default -> throw new UnsupportedOperationException("organisation sentence");
        }
    }

    static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Lower-case letters of the first two words of {@code name}, for host names. */
    static String slug(String name) {
        String[] words = name.split(" ");
        return Identifiers.ascii(words[0]) + (words.length > 1 ? Identifiers.ascii(words[1]) : "");
    }
}
