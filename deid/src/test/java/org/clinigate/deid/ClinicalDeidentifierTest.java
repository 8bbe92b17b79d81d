package org.clinigate.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.clinigate.core.phi.DeidPolicy;
import org.clinigate.core.phi.Deidentified;
import org.clinigate.core.phi.Mode;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.phi.PhiSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClinicalDeidentifierTest {

    static final ClinicalDeidentifier DEID = ClinicalDeidentifier.create();

    private static PhiCategory categoryOf(String text, String value) {
        int at = text.indexOf(value);
        for (PhiSpan s : DEID.detect(text)) {
            if (s.start() <= at && s.end() >= at + value.length()) {
                return s.category();
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Seen by Dr. Okonkwo today.|Okonkwo|NAME",
            "Pt name: DOE, JANE|DOE, JANE|NAME",
            "Wife Mary at bedside.|Mary|NAME",
            "Electronically signed by: John Carter, MD|John Carter|NAME",
            "Admitted 03/14/2024 for CHF.|03/14/2024|DATE",
            "Seen on 14-Mar-2024.|14-Mar-2024|DATE",
            "Follow up March 14th, 2024.|March 14th, 2024|DATE",
            "CT done 2024-03-14T08:30 read.|2024-03-14T08:30|DATE",
            "Symptoms began on the 14th.|14th|DATE",
            "Returned on 3/14 for labs.|3/14|DATE",
            "A 92 y/o woman with CHF.|92|AGE",
            "Call (617) 555-0142 after 5.|(617) 555-0142|PHONE",
            "Fax: 617-555-0199|617-555-0199|FAX",
            "Email jane.doe@example.com now|jane.doe@example.com|EMAIL",
            "Portal https://portal.example.org/p/123 works|https://portal.example.org/p/123|URL",
            "Login from 192.168.10.24 flagged|192.168.10.24|IP",
            "SSN 123-45-6789 on file|123-45-6789|SSN",
            "MRN: 12345678|12345678|MRN",
            "Acct #: 33792000779|33792000779|ACCOUNT",
            "Member ID: XKQ123456789|XKQ123456789|HEALTH_PLAN",
            "DEA # AB1234563 verified|AB1234563|LICENSE",
            "VIN 1HGCM82633A004352 in report|1HGCM82633A004352|VEHICLE",
            "Pacemaker serial number PX-88213 logged|PX-88213|DEVICE",
            "Lives at 221 Oak Street, Springfield, IL 62704.|221 Oak Street|LOCATION",
            "Lives at 221 Oak Street, Springfield, IL 62704.|62704|LOCATION",
            "Transferred from Mercy Medical Center today.|Mercy Medical Center|ORGANIZATION",
            "Study ID: STU-2712-385 enrolled|STU-2712-385|ID"})
    void detects_each_safe_harbor_category(String text, String value, PhiCategory expected) {
        assertThat(categoryOf(text, value)).as(text).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "History of Parkinson's disease and Hodgkin lymphoma.",
            "Foley catheter placed; Apgar 8/9.",
            "Babinski sign negative. Bell's palsy resolved.",
            "Workup for Cushing syndrome pending; Glasgow Coma Scale 15.",
            "BP 120/80, HR 88, Hgb 10.2, K 4.1, takes 5/325 mg q4-6h.",
            "Strength 5/5 upper, 4/5 lower. Pain 7/10.",
            "ASSESSMENT AND PLAN: continue Metoprolol and Lisinopril.",
            "A 45 year old seen in 2019 for follow up on Monday."})
    void leaves_medical_terms_and_values_alone(String text) {
        assertThat(DEID.detect(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Send to: Sara Lind⏎    28245 Puruntie 82 Apt. 595⏎   LAPPEENRANTA⏎    SK⏎    53650|28245|53650",
            "Address: 233 Erzsébet tér 19.  Suite 282  Domoszló  Hungary 34796|233|34796",
            "Mail goes to 3369 24 Clarke Avenue >Apt. 805 >Pines Beach >New Zealand 34694 weekly.|3369|34694",
            "She lives at Rua do Arenque 1634, Goiânia now.|Rua|1634"})
    void widens_a_street_to_the_whole_postal_address(String row, String first, String last) {
        String text = row.replace('⏎', '\n');
        int from = text.indexOf(first);
        int to = text.lastIndexOf(last) + last.length();
        assertThat(DEID.detect(text)).as(text)
                .anySatisfy(s -> assertThat(s.start() <= from && s.end() >= to && s.category() == PhiCategory.LOCATION)
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Mr. Rangel flew to HORTEN on Monday morning.|HORTEN|LOCATION",
            "my friend lives in harburg|harburg|LOCATION",
            "My zip code is 35350|35350|LOCATION",
            "Asya spent a year at Allstate.|Asya|NAME",
            "Ubul: What a wife. Nicole: Really?|Ubul|NAME",
            "They had 6: Matheus, Janet, Nicholas and Kevin.|Matheus|NAME",
            "What's your last name? Magnusson|Magnusson|NAME",
            "my name is vitoria|vitoria|NAME",
            "I work for Rapid Cycle Solutions|Rapid Cycle Solutions|ORGANIZATION",
            "Persint is a German multinational that makes valves.|Persint|ORGANIZATION",
            "The Brightwater Logistics office is on the second floor.|Brightwater Logistics|ORGANIZATION",
            "The Harbourline Orchestra was founded in 1991.|Harbourline|ORGANIZATION",
            "She works for The Quillford Group as a driver.|The Quillford Group|ORGANIZATION",
            "Forms from Brightline Roofing's Dr. Okafor arrived.|Brightline Roofing|ORGANIZATION",
            "Summarize: Ada Quill, MRN 4821337, seen today.|Ada Quill|NAME",
            "Seen with Oliver Baker at the bedside.|Oliver Baker|NAME"})
    void finds_identifiers_by_their_context(String text, String value, PhiCategory expected) {
        assertThat(categoryOf(text, value)).as(text).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Take 2 Aspirin 81 mg daily; BP 120/80.",
            "Seen 1 Oct 1984 and again in clinic.",
            "She flew to France in May.",
            "Images: see the attached study.",
            "Tel: see the contact sheet.",
            "The ICU staff called pharmacy.",
            "The Cardiology office faxed the results.",
            "Crohn's disease flare, seen in clinic today."})
    void context_rules_leave_doses_dates_countries_and_headers_alone(String text) {
        assertThat(DEID.detect(text)).as(text).noneSatisfy(s -> assertThat(s.category())
                .isIn(PhiCategory.LOCATION, PhiCategory.NAME, PhiCategory.ORGANIZATION));
    }

    @Test
    void finds_names_in_all_caps_lower_case_and_glued_text() {
        assertThat(categoryOf("PT SEEN BY DR OKAFOR. WIFE MARIA AT BEDSIDE.", "OKAFOR")).isEqualTo(PhiCategory.NAME);
        assertThat(categoryOf("PT SEEN BY DR OKAFOR. WIFE MARIA AT BEDSIDE.", "MARIA")).isEqualTo(PhiCategory.NAME);
        assertThat(categoryOf("can u summarize the labs for john smith dob 3/4/51", "john smith"))
                .isEqualTo(PhiCategory.NAME);
        assertThat(categoryOf("Pt:Jennifer reports pain", "Jennifer")).isEqualTo(PhiCategory.NAME);
        assertThat(categoryOf("SMITH,JOHN 45M", "SMITH,JOHN")).isEqualTo(PhiCategory.NAME);
    }

    @Test
    void finds_postcodes_written_after_the_country_but_not_years() {
        assertThat(categoryOf("Vrh nad Idrijo, Slovenia 15755", "15755")).isEqualTo(PhiCategory.LOCATION);
        assertThat(categoryOf("Mailed to Kolin, Czech Republic 280 02 today", "280 02"))
                .isEqualTo(PhiCategory.LOCATION);
        assertThat(categoryOf("She worked in Kenya 2019 to 2021.", "2019")).isNotEqualTo(PhiCategory.LOCATION);
    }

    @Test
    void an_organisation_after_a_persons_name_and_from_is_found_but_a_department_is_not() {
        assertThat(categoryOf("Amadeo Vitorovic from Rapid Cycle Solutions is the keynote speaker",
                "Rapid Cycle Solutions"))
                .isEqualTo(PhiCategory.ORGANIZATION);
        assertThat(categoryOf("Seen by Dr. Beatriz Hamilton from GI today.", "GI")).isNull();
    }

    @Test
    void pseudonyms_are_stable_within_a_scope_and_relink_exactly() {
        PhiMap scope = PhiMap.create("patient-1");
        String a = "Seen by Dr. Okonkwo on 03/14/2024. Wife Mary at bedside.";
        String b = "Dr. Okonkwo called back; Mary agrees.";
        Deidentified da = DEID.deidentify(a, DeidPolicy.of(Mode.PSEUDONYM), scope);
        Deidentified db = DEID.deidentify(b, DeidPolicy.of(Mode.PSEUDONYM), scope);
        assertThat(da.text()).contains("[NAME_1]").doesNotContain("Okonkwo").doesNotContain("Mary");
        assertThat(db.text()).contains("[NAME_1]").contains("[NAME_2]");
        assertThat(scope.relink(da.text())).isEqualTo(a);
        assertThat(scope.relink(db.text())).isEqualTo(b);
    }

    @Test
    void surrogate_mode_shifts_dates_by_one_offset_per_scope_and_aggregates_old_ages() {
        PhiMap scope = new PhiMap("patient-2", 10);
        String text = "Admitted 03/14/2024, discharged 03/20/2024. A 92 y/o woman.";
        Deidentified d = DEID.deidentify(text, DeidPolicy.of(Mode.SURROGATE), scope);
        assertThat(d.text()).contains("03/24/2024").contains("03/30/2024").contains("90+ y/o");
    }

    @Test
    void tag_and_redact_modes_replace_values_with_fixed_text() {
        String text = "Call Maria Lopez at (617) 555-0142.";
        PhiMap scope = PhiMap.create("x");
        assertThat(DEID.deidentify(text, DeidPolicy.of(Mode.TAG), scope).text())
                .isEqualTo("Call [NAME] at [PHONE].");
        assertThat(DEID.deidentify(text, DeidPolicy.of(Mode.REDACT), scope).text())
                .isEqualTo("Call [REDACTED] at [REDACTED].");
        assertThat(DEID.deidentify(text, new DeidPolicy(Mode.TAG, Map.of(PhiCategory.PHONE, Mode.REDACT)), scope)
                .text()).isEqualTo("Call [NAME] at [REDACTED].");
    }

    @Test
    void a_pseudonym_already_in_the_input_is_never_issued() {
        PhiMap scope = PhiMap.create("p");
        String text = "Note mentions [NAME_1] literally. Seen by Dr. Okonkwo.";
        Deidentified d = DEID.deidentify(text, DeidPolicy.of(Mode.PSEUDONYM), scope);
        assertThat(d.text()).contains("[NAME_2]");
        assertThat(scope.relink(d.text())).isEqualTo(text);
    }

    @Test
    void empty_and_whitespace_text_yield_no_spans() {
        assertThat(DEID.detect("")).isEmpty();
        assertThat(DEID.detect("   \n\t ")).isEmpty();
        List<PhiSpan> none = DEID.detect("ok");
        assertThat(none).isEmpty();
    }
}
