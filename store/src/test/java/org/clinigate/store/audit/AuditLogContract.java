package org.clinigate.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.core.audit.VerifyReport.Reason;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.testing.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link org.clinigate.core.audit.AuditLog} on a database must do, run against H2 and a real PostgreSQL.
 * Tampering is done with plain SQL, as an attacker with database access would.
 */
abstract class AuditLogContract extends ContractSupport {

    private Store twentyRecords() {
        Store store = open(freshConfig().withAudit(settings(5, false)));
        appendAll(store, 20);
        assertThat(store.auditLog().verify().ok()).isTrue();
        return store;
    }

    private static void assertBreak(Store store, long sequence, Reason reason) {
        VerifyReport report = store.auditLog().verify();
        assertThat(report.ok()).as(report.describe()).isFalse();
        assertThat(report.firstBreak().reason()).as(report.describe()).isEqualTo(reason);
        assertThat(report.firstBreak().sequence()).as(report.describe()).isEqualTo(sequence);
    }

    @Test
    void appends_form_a_chain_from_sequence_one_and_verify_passes() {
        Store store = open(freshConfig().withAudit(settings(5, false)));
        List<AuditRecord> records = appendAll(store, 12);

        assertThat(records).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
                10L, 11L, 12L);
        assertThat(records.get(0).previousHash()).isEqualTo(AuditRecord.GENESIS);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).previousHash()).isEqualTo(records.get(i - 1).hash());
        }
        assertThat(store.auditLog().read(1, 100)).isEqualTo(records);
        VerifyReport report = store.auditLog().verify();
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(12);
        assertThat(report.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void an_empty_log_verifies() {
        Store store = open(freshConfig().withAudit(settings(5, false)));

        assertThat(store.auditLog().verify()).isEqualTo(VerifyReport.intact(0, 0, 0));
    }

    @Test
    void the_chain_continues_after_the_store_is_reopened() {
        StoreConfig config = freshConfig().withAudit(settings(5, false));
        Store first = open(config);
        AuditRecord last = appendAll(first, 7).get(6);
        first.close();

        AuditRecord next = open(config).auditLog().append(event(8));
        assertThat(next.sequence()).isEqualTo(8);
        assertThat(next.previousHash()).isEqualTo(last.hash());
    }

    @Test
    void verify_names_the_record_whose_field_was_changed() throws Exception {
        Store store = twentyRecords();
        String[][] changes = {{"tenant", "'mallory'"}, {"prompt_tokens", "9999"}, {"outcome", "'ALLOWED'"},
                {"rail_flags", "''"}, {"prompt_digest", "NULL"}, {"recorded_micros", "recorded_micros + 1"},
                {"http_status", "200"}};
        for (String[] change : changes) {
            List<String> before = rowsOf(store, "audit_record WHERE seq = 15").get(0);
            sql(store, "UPDATE audit_record SET " + change[0] + " = " + change[1] + " WHERE seq = 15");
            assertBreak(store, 15, Reason.CHANGED);
            sql(store, "DELETE FROM audit_record WHERE seq = 15");
            sql(store, "INSERT INTO audit_record (" + AuditRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", restored(before));
            assertThat(store.auditLog().verify().ok()).as(change[0]).isTrue();
        }
    }

    @Test
    void verify_names_a_deleted_record() throws Exception {
        Store store = twentyRecords();
        sql(store, "DELETE FROM audit_record WHERE seq = 7");

        assertBreak(store, 7, Reason.DELETED);
    }

    @Test
    void verify_names_a_deleted_last_record() throws Exception {
        Store store = twentyRecords();
        sql(store, "DELETE FROM audit_record WHERE seq = 20");

        assertBreak(store, 20, Reason.DELETED);
    }

    @Test
    void verify_names_a_deleted_record_whose_successors_were_renumbered() throws Exception {
        Store store = twentyRecords();
        sql(store, "DELETE FROM audit_record WHERE seq = 7");
        sql(store, "UPDATE audit_record SET seq = seq - 1 WHERE seq > 7");

        assertBreak(store, 7, Reason.DELETED);
    }

    @Test
    void verify_names_a_forged_record_appended_after_the_head() throws Exception {
        Store store = twentyRecords();
        AuditRecord last = store.auditLog().read(20, 1).get(0);
        insertForged(store, 21, event(99), last.hash());

        assertBreak(store, 21, Reason.INSERTED);
    }

    @Test
    void verify_names_a_forged_record_inserted_in_the_middle() throws Exception {
        Store store = twentyRecords();
        String ninth = store.auditLog().read(9, 1).get(0).hash();
        sql(store, "UPDATE audit_record SET seq = seq + 1000 WHERE seq >= 10");
        sql(store, "UPDATE audit_record SET seq = seq - 999 WHERE seq >= 1000");
        insertForged(store, 10, event(99), ninth);

        assertBreak(store, 10, Reason.INSERTED);
    }

    @Test
    void verify_names_swapped_records() throws Exception {
        Store store = twentyRecords();
        swap(store, 4, 12);

        assertBreak(store, 4, Reason.REORDERED);
    }

    @Test
    void verify_names_swapped_neighbours() throws Exception {
        Store store = twentyRecords();
        swap(store, 8, 9);

        assertBreak(store, 8, Reason.REORDERED);
    }

    @Test
    void verify_catches_a_chain_rehashed_without_the_key_at_the_next_checkpoint() throws Exception {
        Store store = twentyRecords();
        ChainCodec codec = new ChainCodec();
        String previous = store.auditLog().read(12, 1).get(0).hash();
        for (AuditRecord r : store.auditLog().read(13, 8)) {
            AuditEvent e = r.sequence() == 13 ? withTenant(r.event(), "mallory") : r.event();
            String hash = codec.recordHash(r.sequence(), AuditRows.micros(r.time()), e, previous);
            sql(store, "UPDATE audit_record SET tenant = ?, prev_hash = ?, record_hash = ? WHERE seq = ?", e.tenant(),
                    previous, hash, r.sequence());
            previous = hash;
        }

        VerifyReport report = store.auditLog().verify();
        assertThat(report.firstBreak().reason()).isEqualTo(Reason.CHANGED);
        assertThat(report.firstBreak().sequence()).as(report.describe()).isEqualTo(11);
    }

    @Test
    void verify_detects_a_forged_checkpoint_signature() throws Exception {
        Store store = twentyRecords();
        sql(store, "UPDATE audit_checkpoint SET signature = ? WHERE seq = 10", "f".repeat(64));

        assertBreak(store, 10, Reason.BAD_CHECKPOINT);
    }

    @Test
    void verify_detects_a_deleted_checkpoint() throws Exception {
        Store store = twentyRecords();
        sql(store, "DELETE FROM audit_checkpoint WHERE seq = 10");

        assertBreak(store, 10, Reason.BAD_CHECKPOINT);
    }

    @Test
    void a_forged_head_is_reported_and_stops_further_appends() throws Exception {
        Store store = twentyRecords();
        AuditRecord eighteenth = store.auditLog().read(18, 1).get(0);
        sql(store, "DELETE FROM audit_record WHERE seq > 18");
        sql(store, "UPDATE audit_head SET seq = 18, record_hash = ?", eighteenth.hash());

        assertBreak(store, 18, Reason.BAD_CHECKPOINT);
        assertThatThrownBy(() -> store.auditLog().append(event(21))).isInstanceOf(ClinigateException.class)
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_4003));
    }

    @Test
    void appends_from_eight_threads_form_one_linear_chain() throws Exception {
        Store store = open(freshConfig().withAudit(settings(100, false)));
        assertLinear(List.of(store.auditLog()), 8, 150, store);
    }

    @Test
    void two_log_instances_on_one_database_keep_one_chain() throws Exception {
        StoreConfig config = freshConfig().withAudit(settings(50, false));
        Store a = open(config);
        Store b = open(config);
        assertLinear(List.of(a.auditLog(), b.auditLog()), 8, 100, a);
    }

    @Test
    void sql_significant_characters_round_trip_in_every_text_field() {
        Store store = open(freshConfig().withAudit(settings(5, true)));
        String nasty = "O'Brien\"; DROP TABLE audit_record; -- /* */ \\ %_ ' OR '1'='1 ¿Ωß 漢字 🩺 \t\r\n\u2028 ";
        String shortNasty = "r'; --\"%_\\🩺";
        AuditEvent event = new AuditEvent(nasty, nasty + "p", shortNasty, nasty + "e", nasty + "m",
                nasty + "t", AuditOutcome.ERROR, 503, "CG-4001", 1, 2, 3,
                List.of("x'; DROP TABLE audit_head; --", "🩺\"%_\\"), AuditEvent.digest(nasty),
                AuditEvent.digest(nasty + 2), nasty.repeat(50), nasty + "response");

        AuditRecord appended = store.auditLog().append(event);

        assertThat(appended.event()).isEqualTo(event);
        assertThat(store.auditLog().read(1, 1)).containsExactly(appended);
        assertThat(store.auditLog().verify().ok()).isTrue();
    }

    @Test
    void text_is_stored_only_when_the_setting_says_so() throws Exception {
        Store off = open(freshConfig().withAudit(settings(5, false)));
        AuditRecord digestsOnly = off.auditLog().append(event(1));
        Store on = open(freshConfig().withAudit(settings(5, true)));
        AuditRecord withText = on.auditLog().append(event(1));

        assertThat(digestsOnly.event().promptText()).isNull();
        assertThat(digestsOnly.event().promptDigest()).isEqualTo(event(1).promptDigest());
        assertThat(off.auditLog().read(1, 1).get(0).event().responseText()).isNull();
        assertThat(withText.event()).isEqualTo(event(1));
        assertThat(on.auditLog().read(1, 1).get(0).event().promptText()).isEqualTo(event(1).promptText());
    }

    @Test
    void a_canary_in_the_prompt_reaches_no_table_when_text_storage_is_off() throws Exception {
        Store store = open(freshConfig().withAudit(settings(2, false)));
        String canary = "CANARY-Quillon-Vantwerp-8812";
        for (int i = 0; i < 5; i++) {
            store.auditLog().append(AuditEvent.builder().who("t", "k", "clinician").endpoint("POST /v1/chat")
                    .prompt("Patient " + canary + " has a cough").response("Ask " + canary + " to rest").build());
        }

        List<String> tables = tables(store);
        assertThat(tables).contains("audit_record", "audit_checkpoint", "audit_head");
        for (String table : tables) {
            assertThat(rowsOf(store, table).toString()).as(table).doesNotContain(canary);
        }
        assertNoCanaryOnDisk(canary);
    }

    /** Subclasses that can see the database's files check them too. */
    void assertNoCanaryOnDisk(String canary) throws Exception {
    }

    @Test
    void a_database_outage_fails_appends_with_a_retriable_code_and_recovery_needs_no_restart() throws Exception {
        try (TcpProxy proxy = new TcpProxy(serverPort())) {
            Store store = open(freshConfigAt(proxy.port()).withAudit(settings(5, false)).withPool(4,
                    Duration.ofSeconds(1)));
            store.auditLog().append(event(1));
            proxy.cut();

            assertThatThrownBy(() -> store.auditLog().append(event(2))).isInstanceOf(ClinigateException.class)
                    .satisfies(e -> {
                        assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_4001);
                        assertThat(((ClinigateException) e).retriable()).isTrue();
                    }).hasMessageNotContaining("jdbc:").hasMessageNotContaining("tenant-");
            assertThat(store.readiness().ready()).isFalse();

            proxy.restore();
            AuditRecord after = appendUntilItWorks(store.auditLog(), event(3));
            assertThat(after.sequence()).isEqualTo(2);
            assertThat(store.auditLog().verify().ok()).isTrue();
        }
    }

    @Test
    void acknowledged_appends_survive_kill_9_of_the_writing_process(@TempDir Path work) throws Exception {
        StoreConfig config = freshConfig().withAudit(settings(50, false));
        open(config).close();
        List<Long> acknowledged = killWriterAfter(config, work, 600);
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(600);

        Store reopened = reopenAfterKill(config);
        long max = acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow();
        Set<Long> stored = new HashSet<>();
        reopened.auditLog().read(1, (int) max).forEach(r -> stored.add(r.sequence()));
        assertThat(stored).containsAll(acknowledged);
        VerifyReport report = reopened.auditLog().verify();
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(reopened.auditLog().append(event(1)).sequence()).isEqualTo(report.headSequence() + 1);
    }

    /**
     * Opens the store after the kill. When that fails on H2, the failure carries H2's own message, which the store
     * withholds in production (it may quote values; here every value is synthetic): it names what H2 found wrong
     * with the file (ADR 0008, "the audit journal").
     */
    private Store reopenAfterKill(StoreConfig config) {
        try {
            return open(config);
        } catch (ClinigateException e) {
            if (!config.url().startsWith("jdbc:h2:")) {
                throw e;
            }
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(config.url(), config.user(), "")) {
                throw new AssertionError("the store did not open after the kill, but H2 alone did", e);
            } catch (java.sql.SQLException h2) {
                throw new AssertionError("H2 did not open the database after the kill: " + h2.getMessage(), e);
            }
        }
    }
}
