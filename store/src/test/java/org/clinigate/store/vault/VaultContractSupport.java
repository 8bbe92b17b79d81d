package org.clinigate.store.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.pipeline.PhiVault;
import org.clinigate.core.pipeline.ScopeKey;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.audit.AuditSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Fixtures for {@link PhiVaultContract}: stores on one database per test, plain SQL to tamper and inspect. */
abstract class VaultContractSupport {

    static final String AUDIT_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYtdGVzdA==";

    @TempDir
    Path keys;
    private StoreConfig config;
    private final List<Store> stores = new ArrayList<>();

    /** A config for a new, empty database. */
    protected abstract StoreConfig freshConfig();

    /** Checks the database's files, where the test can reach them; PostgreSQL's are the server's own. */
    void assertNoCanaryOnDisk(String canary) throws IOException {
    }

    /** This test's database, with the vault keyset in a file of this test's own. */
    StoreConfig config() {
        if (config == null) {
            config = freshConfig().withVault(VaultSettings.defaults(keys));
        }
        return config;
    }

    Path keysetFile() {
        return config().vault().keysetFile();
    }

    /** Another instance on this test's database, keyset from the file. */
    Store open() {
        return open(Map.of());
    }

    /** Another instance on this test's database, with extra environment variables. */
    Store open(Map<String, String> env) {
        return open(config(), env);
    }

    Store open(StoreConfig cfg, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put(AuditSettings.DEFAULT_KEY_ENV, AUDIT_KEY);
        Function<String, String> lookup = all::get;
        Store store = Store.open(cfg, lookup);
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

    static String canary() {
        return "Cnry" + UUID.randomUUID().toString().replace("-", "");
    }

    static String pseudonym(PhiMap map, String name) {
        return map.replacementFor(PhiCategory.NAME, name, n -> "[NAME_" + n + "]");
    }

    static PhiMap saveWith(PhiVault vault, ScopeKey key, String name) {
        PhiMap map = vault.scope(key);
        pseudonym(map, name);
        vault.save(key, map);
        return map;
    }

    static void assertNoCanary(Throwable e, String canary) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(canary);
            assertThat(t.toString()).doesNotContain(canary);
        }
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

    static long count(Store store, String query) throws SQLException {
        try (Connection c = store.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(query);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static <T> T column(Store store, ScopeKey key, String column, Class<T> type) throws SQLException {
        try (Connection c = store.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column
                        + " FROM phi_vault WHERE tenant = ? AND kind = ? AND id_hash = ?")) {
            ps.setString(1, key.tenant());
            ps.setString(2, key.kind());
            ps.setString(3, key.idHash());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row of " + key.label()).isTrue();
                return rs.getObject(1, type);
            }
        }
    }

    static byte[] ciphertext(Store store, ScopeKey key) throws SQLException {
        return column(store, key, "ciphertext", byte[].class);
    }

    static long keyIdOf(Store store, ScopeKey key) throws SQLException {
        return column(store, key, "key_id", Long.class);
    }

    static Instant lastUsed(Store store, ScopeKey key) throws SQLException {
        return column(store, key, "last_used_at", OffsetDateTime.class).toInstant();
    }

    static void setCiphertext(Store store, ScopeKey key, byte[] ciphertext) throws SQLException {
        assertThat(sql(store, "UPDATE phi_vault SET ciphertext = ? WHERE tenant = ? AND kind = ? AND id_hash = ?",
                ciphertext, key.tenant(), key.kind(), key.idHash())).isEqualTo(1);
    }

    /** Sets the scopes' last use to {@code age} ago. */
    static void ageBy(Store store, Duration age, ScopeKey... keys) throws SQLException {
        OffsetDateTime then = OffsetDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC);
        for (ScopeKey key : keys) {
            assertThat(sql(store, "UPDATE phi_vault SET last_used_at = ? WHERE tenant = ? AND kind = ? AND id_hash = ?",
                    then, key.tenant(), key.kind(), key.idHash())).isEqualTo(1);
        }
    }

    /** The test's keyset file with one key removed, as Tink JSON. */
    String keysetWithout(long keyId) throws Exception {
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(keysetFile(), StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        for (int i = 0; i < handle.size(); i++) {
            if (Integer.toUnsignedLong(handle.getAt(i).getId()) == keyId) {
                builder.deleteAt(i);
                return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
            }
        }
        throw new AssertionError("no key " + keyId);
    }

    /** Every table.column of the application's schema where {@code needle} occurs, as text or as UTF-8 bytes. */
    static List<String> findEverywhere(Store store, String needle) throws SQLException {
        byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
        List<String> hits = new ArrayList<>();
        try (Connection c = store.database().dataSource().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    if ("public".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).contains("phi_vault", "audit_record", "api_key");
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
                        ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (holds(rs, i, meta.getColumnType(i), needle, bytes)) {
                                hits.add(table + "." + meta.getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static boolean holds(ResultSet rs, int column, int type, String needle, byte[] bytes)
            throws SQLException {
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            byte[] value = rs.getBytes(column);
            return value != null && indexOf(value, bytes) >= 0;
        }
        String value = rs.getString(column);
        return value != null && value.contains(needle);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
