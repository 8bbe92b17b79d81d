package org.clinigate.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;

/** Fixtures for {@link AuditLogContract}: stores opened per test, events, and plain SQL for tampering. */
abstract class ContractSupport {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes();
    static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);
    static final Function<String, String> ENV = Map.of(AuditSettings.DEFAULT_KEY_ENV, KEY_BASE64)::get;

    private final List<Store> stores = new ArrayList<>();

    /** A config for a new, empty database. */
    protected abstract StoreConfig freshConfig();

    /** The TCP port the database server listens on. */
    protected abstract int serverPort();

    /** A config for a new, empty database reached through the given loopback port. */
    protected abstract StoreConfig freshConfigAt(int port);

    static AuditSettings settings(int checkpointInterval, boolean storeText) {
        return new AuditSettings(checkpointInterval, storeText, 256, AuditSettings.DEFAULT_KEY_ENV, null);
    }

    Store open(StoreConfig config) {
        Store store = Store.open(config, ENV);
        stores.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        for (Store store : stores) {
            store.close();
        }
        stores.clear();
    }

    static AuditEvent event(int i) {
        return AuditEvent.builder().who("tenant-" + (i % 3), "key-" + i, i % 2 == 0 ? "clinician" : "researcher")
                .endpoint("POST /v1/chat/completions").model("medgemma-4b-it").task(i % 4 == 0 ? "summary" : null)
                .outcome(i % 5 == 0 ? AuditOutcome.DENIED : AuditOutcome.ALLOWED, i % 5 == 0 ? 403 : 200,
                        i % 5 == 0 ? "CG-4101" : null)
                .tokens(10 + i, 20 + i).latencyMicros(1000L * i).railFlags(i % 3 == 0
                        ? List.of("disclaimer")
                        : List.of())
                .prompt("de-identified prompt " + i).response("de-identified response " + i).build();
    }

    static List<AuditRecord> appendAll(Store store, int count) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            records.add(store.auditLog().append(event(i)));
        }
        return records;
    }

    static int sql(Store store, String statement, Object... params) throws SQLException {
        try (Connection c = store.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    static List<List<String>> rowsOf(Store store, String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = store.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Every table in the application's schema, by name. */
    static List<String> tables(Store store) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = store.database().dataSource().getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                if ("public".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return names;
    }

    /** Inserts a row exactly as an appender would, with a hash computed by the public algorithm. */
    static void insertForged(Store store, long sequence, AuditEvent event, String previousHash) throws SQLException {
        long micros = AuditRows.micros(Instant.now());
        String hash = new ChainCodec().recordHash(sequence, micros, event, previousHash);
        AuditRecord forged = new AuditRecord(sequence, AuditRows.instant(micros), event, previousHash, hash);
        try (Connection c = store.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(AuditRows.INSERT)) {
            AuditRows.bind(ps, forged);
            ps.executeUpdate();
        }
    }

    static Object[] restored(List<String> row) {
        Object[] values = row.toArray();
        for (int i : new int[]{0, 1, 9, 11, 12, 13}) {
            values[i] = Long.parseLong(row.get(i));
        }
        return values;
    }

    static void swap(Store store, long a, long b) throws Exception {
        sql(store, "UPDATE audit_record SET seq = -1 WHERE seq = ?", a);
        sql(store, "UPDATE audit_record SET seq = ? WHERE seq = ?", a, b);
        sql(store, "UPDATE audit_record SET seq = ? WHERE seq = -1", b);
    }

    static AuditEvent withTenant(AuditEvent e, String tenant) {
        return new AuditEvent(tenant, e.principal(), e.role(), e.endpoint(), e.model(), e.task(), e.outcome(),
                e.httpStatus(), e.errorCode(), e.promptTokens(), e.completionTokens(), e.latencyMicros(),
                e.railFlags(), e.promptDigest(), e.responseDigest(), e.promptText(), e.responseText());
    }

    static void assertLinear(List<AuditLog> logs, int threads, int each, Store store) throws Exception {
        List<Future<List<Long>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                AuditLog log = logs.get(t % logs.size());
                futures.add(pool.submit(() -> {
                    List<Long> sequences = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        sequences.add(log.append(event(i)).sequence());
                    }
                    return sequences;
                }));
            }
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        int total = threads * each;
        assertThat(all).hasSize(total);
        assertThat(all.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(total);
        VerifyReport report = store.auditLog().verify();
        assertThat(report.ok()).as(report.describe()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(total);
    }

    /** The pool may hand out one connection that died in the outage; a bounded number of tries. */
    static AuditRecord appendUntilItWorks(AuditLog log, AuditEvent event) throws InterruptedException {
        ClinigateException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return log.append(event);
            } catch (ClinigateException e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw last;
    }

    static List<Long> acknowledged(Path acks) throws IOException {
        List<Long> sequences = new ArrayList<>();
        for (String line : Files.readAllLines(acks, StandardCharsets.UTF_8)) {
            if (line.matches("ack [0-9]+")) {
                sequences.add(Long.parseLong(line.substring(4)));
            }
        }
        return sequences;
    }

    /**
     * Runs {@link org.clinigate.store.testing.CrashWriter} on the database with 4 threads until it has acknowledged
     * {@code wanted} appends (or 60 s have passed), kills it with SIGKILL, and returns what it acknowledged. The
     * acknowledgements go to a file: what the child wrote survives its kill, unlike a pipe's unread bytes.
     */
    static List<Long> killWriterAfter(StoreConfig config, Path work, int wanted, String... extra) throws Exception {
        Path acks = work.resolve("acks.txt");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), org.clinigate.store.testing.CrashWriter.class.getName(),
                config.url(), config.user(), KEY_BASE64, "4"));
        command.addAll(List.of(extra));
        Process child = new ProcessBuilder(command).redirectOutput(acks.toFile())
                .redirectError(work.resolve("stderr.txt").toFile()).start();
        try {
            for (int i = 0; i < 1200 && child.isAlive() && acknowledged(acks).size() < wanted; i++) {
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        return acknowledged(acks);
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
