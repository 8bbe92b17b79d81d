package org.clinigate.synth;

import static org.clinigate.synth.NamePools.entries;

import java.util.List;

/**
 * Clinical prose without identifiers, the body that PHI sits in. Nothing here is ever a span.
 * Stateless.
 */
final class Clinical {

    static final List<String> COMPLAINTS = entries("""
            chest pain | shortness of breath | a mechanical fall | fever and dysuria | abdominal pain
            syncope | altered mental status | a COPD exacerbation | cellulitis of the left leg
            hyperglycemia | GI bleeding | new-onset atrial fibrillation | pneumonia | hip fracture
            worsening heart failure | acute kidney injury | a small bowel obstruction | headache
            """);

    static final List<String> NURSING = entries("""
            Pt A&Ox3, calm and cooperative.
            VSS. Afebrile.
            Resting in bed with eyes closed, easily arousable.
            Lungs with scattered crackles at bases; IS encouraged.
            Tolerating PO fluids; ate 50% of breakfast.
            Voiding without difficulty.
            Skin intact, turned q2h, heels floated.
            Up to chair with assist x1.
            PIV R forearm patent, site clean and dry.
            Denies CP/SOB.
            Dressing to L hip C/D/I.
            Fall precautions in place, bed alarm on.
            Pain controlled with current regimen.
            Bowel sounds present x4 quadrants.
            Family at bedside, questions answered.
            Telemetry showing NSR, no ectopy.
            """);

    static final List<String> COURSE = entries("""
            Started on IV antibiotics with clinical improvement.
            Diuresed with IV furosemide, net negative 3 L.
            Cardiology consulted; TTE showed preserved function.
            Electrolytes repleted and trended daily.
            Physical therapy recommended home with services.
            Transitioned to oral medications on hospital day 3.
            Pain controlled with scheduled acetaminophen.
            Blood glucose managed with basal-bolus insulin.
            Transfused 1 unit PRBC with appropriate rise.
            Oxygen weaned to room air prior to discharge.
            """);

    static final List<String> PLAN = entries("""
            Continue home medications as listed.
            Low-sodium diet, fluid restriction 1.5 L/day.
            Return precautions reviewed; pt verbalized understanding.
            Repeat BMP in one week.
            Follow up with PCP within 7 days.
            Outpatient PT twice weekly.
            Daily weights; call for gain over 2 lb in a day.
            """);

    static final List<String> EXAMS = entries("""
            CT HEAD WITHOUT CONTRAST | CHEST X-RAY, 2 VIEWS | CT ABDOMEN AND PELVIS WITH CONTRAST
            MRI LUMBAR SPINE WITHOUT CONTRAST | US RIGHT UPPER QUADRANT | CTA CHEST, PE PROTOCOL
            XR LEFT HIP, 2 VIEWS | MRI BRAIN WITH AND WITHOUT CONTRAST | US BILATERAL LOWER EXTREMITY VENOUS
            """);

    static final List<String> FINDINGS = entries("""
            No acute intracranial hemorrhage, mass effect or midline shift.
            Mild chronic small vessel ischemic changes.
            Lungs are clear. No pleural effusion or pneumothorax.
            Heart size is mildly enlarged.
            Cholelithiasis without evidence of acute cholecystitis.
            No filling defect in the pulmonary arteries to the segmental level.
            Multilevel degenerative disc disease, most pronounced at L4-L5.
            Nondisplaced fracture of the left femoral neck.
            No deep venous thrombosis in either lower extremity.
            Small hiatal hernia. Colonic diverticulosis.
            Degenerative changes of the thoracic spine.
            """);

    static final List<String> IMPRESSIONS = entries("""
            No acute findings.
            Findings as above; clinical correlation recommended.
            Stable compared to prior.
            Mild cardiomegaly without acute cardiopulmonary process.
            Acute fracture as described; orthopedics notified.
            No pulmonary embolism.
            """);

    static final List<String> DRUGS = entries("""
            metoprolol | lisinopril | warfarin | Eliquis | metformin | atorvastatin | furosemide | gabapentin
            amoxicillin | prednisone | tramadol | sertraline | insulin glargine | amlodipine | Xarelto
            """);

    private Clinical() {
    }
}
