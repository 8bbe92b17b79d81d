package org.clinigate.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinigate.store.audit.ContractSupport.ENV;
import static org.clinigate.store.audit.ContractSupport.event;
import static org.clinigate.store.audit.ContractSupport.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead audit journal on a real H2 file database. A crash is staged by putting back the database file as
 * it was before some appends, with the journal segments those appends wrote: exactly what H2 leaves when it had not
 * yet written committed pages.
 */
class AuditJournalTest {

    private static final AuditJournal.Rolling NEVER = new AuditJournal.Rolling(Long.MAX_VALUE, Duration.ofHours(1),
            Duration.ofMillis(50));

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        // Logs sit at the front of the list, databases behind them: a log closes before its database.
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private StoreConfig config(String name) {
        return StoreConfig.embedded(dir.resolve(name)).withAudit(settings(4, false).withJournal(true));
    }

    private Database database(StoreConfig config) {
        Database db = Database.open(config.url(), config.user(), "", 4, Duration.ofSeconds(3));
        open.add(db);
        return db;
    }

    private JdbcAuditLog log(Database db, StoreConfig config, AuditJournal.Rolling rolling) {
        JdbcAuditLog log = JdbcAuditLog.open(db, config.audit(), ChainKey.resolve(config.audit(), ENV),
                JdbcAuditLog.journalDirFor(config.url()), Clock.systemUTC(), rolling);
        open.add(0, log);
        return log;
    }

    private static Path dbFile(StoreConfig config) {
        return Path.of(config.url().substring("jdbc:h2:file:".length(), config.url().indexOf(';')) + ".mv.db");
    }

    private static Map<Path, byte[]> segments(StoreConfig config) throws IOException {
        Map<Path, byte[]> copies = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(JdbcAuditLog.journalDirFor(config.url()))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".journal")).sorted().toList()) {
                copies.put(p, Files.readAllBytes(p));
            }
        }
        return copies;
    }

    /**
     * Appends one record and closes, keeps that database file; appends records 2 to 11 one batch each, keeps their
     * journal; closes (which empties the journal); then puts back the old file and the journal.
     */
    private List<AuditRecord> crashAfterTenAppends(StoreConfig config) throws Exception {
        Database first = database(config);
        JdbcAuditLog log = log(first, config, NEVER);
        log.append(event(1));
        close(log, first);
        byte[] before = Files.readAllBytes(dbFile(config));

        Database second = database(config);
        log = log(second, config, NEVER);
        List<AuditRecord> appended = new ArrayList<>();
        for (int i = 2; i <= 11; i++) {
            appended.add(log.append(event(i)));
        }
        Map<Path, byte[]> journal = segments(config);
        close(log, second);
        assertThat(segments(config)).as("a clean close leaves no journal").isEmpty();

        Files.write(dbFile(config), before);
        for (Map.Entry<Path, byte[]> e : journal.entrySet()) {
            Files.write(e.getKey(), e.getValue());
        }
        return appended;
    }

    private void close(JdbcAuditLog log, Database db) {
        log.close();
        db.close();
        open.remove(log);
        open.remove(db);
    }

    @Test
    void a_restart_replays_the_journaled_batches_the_database_file_lost() throws Exception {
        StoreConfig config = config("replay");
        List<AuditRecord> appended = crashAfterTenAppends(config);

        JdbcAuditLog log = log(database(config), config, NEVER);
        AuditJournal.Replay replay = log.journalReplay();
        assertThat(replay.replayedRecords()).isEqualTo(10);
        assertThat(replay.unapplied()).isZero();
        assertThat(log.read(2, 20)).containsExactlyElementsOf(appended);
        VerifyReport report = log.verify();
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(report.headSequence()).isEqualTo(11);
        assertThat(log.append(event(12)).sequence()).isEqualTo(12);
        assertThat(segments(config)).as("replayed segments are deleted").hasSize(1);
    }

    @Test
    void a_journal_left_by_a_crash_is_replayed_even_when_the_setting_is_now_off() throws Exception {
        StoreConfig config = config("switched-off");
        List<AuditRecord> appended = crashAfterTenAppends(config);
        StoreConfig off = config.withAudit(config.audit().withJournal(false));

        JdbcAuditLog log = log(database(off), off, NEVER);
        assertThat(log.journalReplay()).as("no journal for commits").isNull();
        assertThat(log.read(2, 20)).containsExactlyElementsOf(appended);
        assertThat(log.verify().ok()).isTrue();
        assertThat(segments(config)).as("the replayed journal is emptied").isEmpty();
        assertThat(log.append(event(12)).sequence()).isEqualTo(12);
    }

    @Test
    void an_aborted_batch_is_not_replayed_and_a_torn_tail_is_dropped() throws Exception {
        StoreConfig config = config("abort");
        List<AuditRecord> appended = crashAfterTenAppends(config);
        Path segment = segments(config).keySet().iterator().next();
        AuditRecord last = appended.get(appended.size() - 1);
        ByteBuffer abort = new JournalCodec().abort(last.sequence(), last.hash());
        byte[] torn = {0x43, 0x47, 0x4a, 0x31, 0, 0, 1};
        Files.write(segment, abort.array(), StandardOpenOption.APPEND);
        Files.write(segment, torn, StandardOpenOption.APPEND);

        JdbcAuditLog log = log(database(config), config, NEVER);
        AuditJournal.Replay replay = log.journalReplay();
        assertThat(replay.replayedRecords()).isEqualTo(9);
        assertThat(replay.aborted()).isEqualTo(1);
        assertThat(replay.tornBytes()).isEqualTo(torn.length);
        VerifyReport report = log.verify();
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(report.headSequence()).isEqualTo(10);
        assertThat(log.append(event(11)).sequence()).isEqualTo(11);
    }

    @Test
    void a_corrupt_entry_ends_what_is_replayed_from_its_segment() throws Exception {
        StoreConfig config = config("corrupt");
        crashAfterTenAppends(config);
        Path segment = segments(config).keySet().iterator().next();
        byte[] bytes = Files.readAllBytes(segment);
        // Flip a byte in the last frame's payload: its checksum no longer matches.
        bytes[bytes.length - 5] ^= 0x20;
        Files.write(segment, bytes);

        JdbcAuditLog log = log(database(config), config, NEVER);
        assertThat(log.journalReplay().replayedRecords()).isEqualTo(9);
        assertThat(log.journalReplay().tornBytes()).isPositive();
        VerifyReport report = log.verify();
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(report.headSequence()).isEqualTo(10);
    }

    @Test
    void batches_that_do_not_continue_the_chain_are_kept_aside_and_the_log_still_opens() throws Exception {
        StoreConfig other = config("other");
        crashAfterTenAppends(other);
        Map<Path, byte[]> foreign = segments(other);

        StoreConfig config = config("target");
        Database db = database(config);
        JdbcAuditLog log = log(db, config, NEVER);
        log.append(event(100));
        close(log, db);
        Path journalDir = JdbcAuditLog.journalDirFor(config.url());
        for (Map.Entry<Path, byte[]> e : foreign.entrySet()) {
            Files.write(journalDir.resolve(e.getKey().getFileName()), e.getValue());
        }

        log = log(database(config), config, NEVER);
        assertThat(log.journalReplay().unapplied()).isEqualTo(10);
        assertThat(log.journalReplay().replayedRecords()).isZero();
        try (Stream<Path> aside = Files.list(journalDir)) {
            assertThat(aside.filter(p -> p.getFileName().toString().startsWith("unapplied-")).toList()).hasSize(1);
        }
        assertThat(log.verify().ok()).isTrue();
        assertThat(log.append(event(101)).sequence()).isEqualTo(2);
    }

    @Test
    void segments_roll_and_are_deleted_once_the_database_is_synced() throws Exception {
        StoreConfig config = config("roll");
        AuditJournal.Rolling often = new AuditJournal.Rolling(1, Duration.ofHours(1), Duration.ofMillis(20));
        JdbcAuditLog log = log(database(config), config, often);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 400 && seen.size() < 5; i++) {
            log.append(event(i));
            for (Path p : segments(config).keySet()) {
                seen.add(p.getFileName().toString());
            }
            Thread.sleep(5);
        }
        assertThat(seen).as("segments the writer rolled through").hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < 200 && segments(config).size() > 1; i++) {
            log.append(event(1000 + i));
            Thread.sleep(20);
        }
        assertThat(segments(config).size()).as("segments left once synced").isLessThanOrEqualTo(2);
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void a_second_log_on_the_same_database_commits_without_the_journal_and_the_chain_stays_linear()
            throws Exception {
        StoreConfig config = config("two");
        Database db = database(config);
        JdbcAuditLog a = log(db, config, NEVER);
        JdbcAuditLog b = log(db, config, NEVER);
        assertThat(a.journalReplay()).isNotNull();
        assertThat(b.journalReplay()).as("the journal is held by the first log").isNull();
        for (int i = 0; i < 20; i++) {
            (i % 2 == 0 ? a : b).append(event(i));
        }
        assertThat(a.verify().ok()).isTrue();
        assertThat(a.verify().headSequence()).isEqualTo(20);
    }

    @Test
    void acknowledged_appends_survive_kill_9_while_h2_holds_commits_in_memory(@TempDir Path work)
            throws Exception {
        // WRITE_DELAY keeps committed pages in H2's memory for a minute: after the kill, only the journal has them.
        StoreConfig config = config("kill");
        config = config.withUrl(config.url() + ";WRITE_DELAY=60000", config.user(), null);
        Database setup = database(config);
        close(log(setup, config, NEVER), setup);
        List<Long> acknowledged = ContractSupport.killWriterAfter(config, work, 300, "journal");
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(300);

        JdbcAuditLog log = log(database(config), config, NEVER);
        assertThat(log.journalReplay().replayedRecords()).as("records that only the journal held").isPositive();
        long max = acknowledged.stream().mapToLong(Long::longValue).max().orElseThrow();
        Set<Long> stored = new HashSet<>();
        log.read(1, (int) max).forEach(r -> stored.add(r.sequence()));
        assertThat(stored).containsAll(acknowledged);
        VerifyReport report = log.verify();
        assertThat(report.ok()).as(report.describe()).isTrue();
    }
}
