package org.clinigate.synth;

import static org.clinigate.synth.NamePools.entries;

import java.util.List;

/**
 * Text that looks like PHI and is not: medical eponyms, vitals and doses shaped like dates or phone
 * numbers, drug names, section headers, bare years, weekdays, clock times and names-as-words. It is
 * always written as plain text, without spans, so a de-identifier that redacts it loses precision.
 * Stateless.
 */
final class Traps {

    static final List<String> EPONYMS = entries("""
            Hx of Parkinson's disease, on carbidopa/levodopa 25/100 mg TID.
            Hodgkin lymphoma in remission since 2011.
            Foley catheter in place, draining clear yellow urine.
            Born at 39 weeks, Apgar 8/9.
            Babinski sign absent bilaterally.
            Wilson's disease ruled out; ceruloplasmin normal.
            Residual left facial weakness from Bell's palsy.
            Graves' disease s/p RAI ablation.
            Crohn's disease flare, on budesonide.
            Workup for Cushing syndrome pending.
            Addison's disease on hydrocortisone 20 mg daily.
            Alzheimer's dementia, oriented to self only at baseline.
            Down syndrome, lives in group home.
            Glasgow Coma Scale 15 on arrival.
            Gram stain with gram-positive cocci in clusters.
            Holter monitor placed for 48 hours.
            Swan-Ganz catheter removed.
            History of Whipple procedure for pancreatic mass.
            Kernig and Brudzinski signs negative.
            Murphy's sign positive on exam.
            Tenderness at McBurney's point.
            Homans sign negative, calves soft.
            Hashimoto thyroiditis on levothyroxine 75 mcg.
            Barrett's esophagus on surveillance.
            """);

    static final List<String> NUMBERS = entries("""
            BP 120/80, HR 88, RR 16, O2 sat 97% on RA.
            Hgb 10.2, K 4.1, Na 138, Cr 1.3, INR 2.3.
            Hydrocodone/APAP 5/325 mg 1/2 tab q4-6h PRN pain.
            Ambulated 2-3 times in hall with walker.
            Pain 4/10, down from 7/10.
            I/O 1200/850 for the shift.
            Glucose 142 at 1130, covered per sliding scale.
            Temp 101.2 F at 0400, Tylenol 650 mg given.
            Tidal volume 450, PEEP 5, FiO2 40%.
            Weight 72.4 kg (was 74.1 kg).
            Platelets 212, WBC 11.4, lactate 2.1.
            Ejection fraction 35-40% on echo.
            Blood cultures x2 drawn at 08:30.
            Pulling 1500 mL on incentive spirometer.
            Strength 5/5 upper, 4/5 lower extremities.
            """);

    static final List<String> WORDS = entries("""
            ASSESSMENT AND PLAN: continue current regimen.
            HPI reviewed with the team.
            Impression unchanged from prior.
            Diagnosed with type 2 diabetes in 2016.
            CABG in 2008; no chest pain since.
            Pt may need PT eval; will reassess in the morning.
            We hope to wean oxygen by Friday.
            Family will grant permission for the procedure.
            Stable on Metoprolol 25 mg BID and Lisinopril 10 mg daily.
            Warfarin held; Eliquis 5 mg BID started on Tuesday.
            Seen on Monday and Wednesday by wound care.
            Pt reports feeling young again after the transfusion.
            Tolerating a regular diet; no nausea since Sunday.
            Rounded at 0700; plan discussed at bedside.
            Mother died at 67 of a stroke.
            Smoked 1 ppd from 1985 to 2001.
            Brown urine noted; will send UA.
            White count trending down.
            Faith and family are important to pt; chaplain visit offered.
            Will follow up in clinic in 2-3 weeks.
            """);

    private Traps() {
    }

    /** One trap sentence of any kind. */
    static void any(NoteContext c) {
        switch (c.dice.between(0, 2)) {
            case 0 -> c.t(c.dice.pick(EPONYMS));
            case 1 -> c.t(c.dice.pick(NUMBERS));
            case 2 -> c.t(c.dice.pick(WORDS));
            default -> throw new UnsupportedOperationException("trap kind");
        }
    }

    static void eponym(NoteContext c) {
        c.t(c.dice.pick(EPONYMS));
    }
}
