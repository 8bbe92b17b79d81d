package org.clinigate.store.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinigate.core.drafts.Draft;
import org.clinigate.core.drafts.DraftStatus;
import org.clinigate.core.drafts.DraftStore;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.Store;
import org.junit.jupiter.api.Test;

/** The draft store's rules, run on H2 and on PostgreSQL. */
abstract class DraftStoreContract {

    /** A store on a fresh, empty database. */
    abstract Store store();

    static DraftStore.NewDraft draft(String tenant) {
        return new DraftStore.NewDraft(tenant, "patient", "a".repeat(64), "note-summary", "medgemma-27b", "v3",
                List.of("guideline-htn#4", "guideline-dm#2"), List.of("certainty-language"),
                "HPI: [NAME_1] reports chest pain since [DATE_1].");
    }

    private static ErrorCode code(Throwable t) {
        return ((ClinigateException) t).code();
    }

    @Test
    void a_draft_is_created_preliminary_listed_by_status_and_invisible_to_other_tenants() {
        try (Store s = store()) {
            DraftStore drafts = s.drafts();
            Draft d = drafts.create(draft("ward-1"));
            assertThat(d.status()).isEqualTo(DraftStatus.PRELIMINARY);
            assertThat(d.version()).isEqualTo(1);
            assertThat(drafts.get("ward-1", d.id())).contains(d);
            assertThat(drafts.list("ward-1", DraftStatus.PRELIMINARY, 10)).extracting(Draft::id)
                    .containsExactly(d.id());
            assertThat(drafts.list("ward-1", DraftStatus.FINAL, 10)).isEmpty();
            assertThat(drafts.get("ward-2", d.id())).isEmpty();
            assertThat(drafts.list("ward-2", null, 10)).isEmpty();
            assertThatThrownBy(() -> drafts.sign("ward-2", d.id(), 1, "key:intruder"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CG_6101));
            assertThat(d.toString()).doesNotContain("chest pain");
        }
    }

    @Test
    void an_edit_keeps_the_original_and_signing_makes_it_final_once() {
        try (Store s = store()) {
            DraftStore drafts = s.drafts();
            Draft d = drafts.create(draft("ward-1"));
            Draft edited = drafts.edit("ward-1", d.id(), 1, "HPI: [NAME_1] reports chest pain; ECG normal.",
                    "key:reviewer-a");
            assertThat(edited.version()).isEqualTo(2);
            assertThat(edited.edited()).isTrue();
            assertThat(edited.originalText()).isEqualTo(d.originalText());
            Draft signed = drafts.sign("ward-1", d.id(), 2, "key:reviewer-a");
            assertThat(signed.status()).isEqualTo(DraftStatus.FINAL);
            assertThat(signed.reviewer()).isEqualTo("key:reviewer-a");
            assertThat(signed.reviewed()).isNotNull();
            assertThatThrownBy(() -> drafts.sign("ward-1", d.id(), 3, "key:reviewer-b"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CG_6102)).hasMessageContaining("final");
            assertThatThrownBy(() -> drafts.edit("ward-1", d.id(), 3, "late change", "key:reviewer-b"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CG_6102));
        }
    }

    @Test
    void a_stale_version_is_a_conflict_and_a_rejection_keeps_its_reason() {
        try (Store s = store()) {
            DraftStore drafts = s.drafts();
            Draft d = drafts.create(draft("ward-1"));
            drafts.edit("ward-1", d.id(), 1, "first reviewer's text", "key:a");
            assertThatThrownBy(() -> drafts.edit("ward-1", d.id(), 1, "second reviewer's text", "key:b"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CG_6102))
                    .hasMessageContaining("version 1");
            Draft rejected = drafts.reject("ward-1", d.id(), 2, "key:b", "wrong patient context");
            assertThat(rejected.status()).isEqualTo(DraftStatus.REJECTED);
            assertThat(rejected.rejectReason()).isEqualTo("wrong patient context");
            assertThat(rejected.text()).isEqualTo("first reviewer's text");
            assertThatThrownBy(() -> drafts.sign("ward-1", d.id(), 3, "key:a"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CG_6102)).hasMessageContaining("rejected");
        }
    }

    @Test
    void of_two_reviewers_signing_at_once_exactly_one_wins() throws Exception {
        try (Store s = store()) {
            DraftStore drafts = s.drafts();
            for (int round = 0; round < 5; round++) {
                Draft d = drafts.create(draft("ward-1"));
                ExecutorService pool = Executors.newFixedThreadPool(4);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> tries = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    String who = "key:r" + r;
                    tries.add(pool.submit(() -> {
                        go.await();
                        try {
                            drafts.sign("ward-1", d.id(), 1, who);
                            return true;
                        } catch (ClinigateException e) {
                            assertThat(e.code()).isEqualTo(ErrorCode.CG_6102);
                            return false;
                        }
                    }));
                }
                go.countDown();
                int wins = 0;
                for (Future<Boolean> f : tries) {
                    wins += f.get() ? 1 : 0;
                }
                pool.shutdown();
                assertThat(wins).isEqualTo(1);
                assertThat(drafts.get("ward-1", d.id()).orElseThrow().version()).isEqualTo(2);
            }
        }
    }

    @Test
    void bad_input_is_refused_with_a_clear_error_and_sql_characters_are_just_text() {
        try (Store s = store()) {
            DraftStore drafts = s.drafts();
            assertThatThrownBy(() -> drafts.create(draft("x'; DROP TABLE draft; --")))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CG_2001));
            assertThatThrownBy(() -> drafts.create(new DraftStore.NewDraft("ward-1", null, null, "t", null, null,
                    null, null, "a\u0000b"))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.CG_2001));
            Draft d = drafts.create(new DraftStore.NewDraft("ward-1", null, null, "ask", null, null, null, null,
                    "Robert'); DELETE FROM draft; --"));
            assertThat(drafts.get("ward-1", d.id()).orElseThrow().text()).isEqualTo("Robert'); DELETE FROM draft; --");
            assertThat(drafts.list("ward-1", null, 10)).hasSize(1);
            assertThatThrownBy(() -> drafts.get("ward-1", "no-such").orElseThrow()).isNotNull();
        }
    }

    @Test
    void a_drafts_input_is_kept_per_tenant_for_fine_tuning() {
        try (Store s = store()) {
            Draft d = s.drafts().create(draft("ward-1"));
            s.draftInputs().put("ward-1", d.id(), "Note: [NAME_1] has had a cough since [DATE_1].");
            assertThat(s.draftInputs().get("ward-1", d.id()))
                    .contains("Note: [NAME_1] has had a cough since [DATE_1].");
            assertThat(s.draftInputs().get("ward-2", d.id())).isEmpty();
            assertThat(s.draftInputs().get("ward-1", "nope")).isEmpty();
        }
    }
}
