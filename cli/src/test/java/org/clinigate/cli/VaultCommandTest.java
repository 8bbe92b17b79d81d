package org.clinigate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.clinigate.core.phi.PhiCategory;
import org.clinigate.core.phi.PhiMap;
import org.clinigate.core.pipeline.ScopeKey;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.vault.JdbcPhiVault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault's operator commands: counts and key ids only, rotation that keeps old scopes readable, purge by age. */
class VaultCommandTest {

    @TempDir
    Path dir;
    private String config;
    private StoreConfig storeConfig;
    private final String canary = "Cnry" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void writeConfig() throws Exception {
        Path yaml = dir.resolve("clinigate.yaml");
        Files.writeString(yaml, "data_dir: " + dir.resolve("data") + "\n");
        config = yaml.toString();
        storeConfig = Application.storeConfig(new ConfigLoader().load(yaml, Map.of()));
    }

    /** Runs the command line; returns stdout and stderr together, so neither can carry PHI unseen. */
    private static String run(int[] exit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(both, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            exit[0] = Main.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return both.toString(StandardCharsets.UTF_8);
    }

    private void saveScopes(String... conversations) {
        try (Store store = Store.open(storeConfig)) {
            JdbcPhiVault vault = store.phiVault();
            for (String id : conversations) {
                ScopeKey key = ScopeKey.conversation("st-olaf", id);
                PhiMap map = vault.scope(key);
                map.replacementFor(PhiCategory.NAME, canary + " " + id, n -> "[NAME_" + n + "]");
                vault.save(key, map);
            }
        }
    }

    private String originalIn(String conversation) {
        try (Store store = Store.open(storeConfig)) {
            return store.phiVault().scope(ScopeKey.conversation("st-olaf", conversation)).originalOf("[NAME_1]")
                    .orElse(null);
        }
    }

    @Test
    void stats_counts_scopes_per_key_and_prints_no_phi() {
        saveScopes("c1", "c2");
        int[] exit = new int[1];
        String out = run(exit, "vault", "stats", "--config", config);
        assertThat(exit[0]).isZero();
        assertThat(out).contains("scopes: 2 (expired: 0, retention 30 days)").contains("1 keys").contains("primary")
                .doesNotContain(canary);
    }

    @Test
    void rotate_then_rewrap_moves_every_scope_to_the_new_key_and_keeps_it_readable() {
        saveScopes("c1", "c2");
        int[] exit = new int[1];
        String rotated = run(exit, "vault", "rotate", "--config", config);
        assertThat(exit[0]).isZero();
        assertThat(rotated).contains("added key").contains("it is now the primary");
        String newKey = rotated.replaceFirst("(?s)^.*added key ([0-9]+).*$", "$1");
        assertThat(run(exit, "vault", "stats", "--config", config)).contains("2 keys")
                .containsPattern("key " + newKey + " +primary +ENABLED +scopes 0");

        String rewrapped = run(exit, "vault", "rewrap", "--config", config);
        assertThat(exit[0]).isZero();
        assertThat(rewrapped).contains("re-encrypted 2 scopes under key " + newKey).contains("0 do not decrypt")
                .doesNotContain(canary);
        assertThat(run(exit, "vault", "stats", "--config", config)).containsPattern("key " + newKey
                + " +primary +ENABLED +scopes 2");
        assertThat(originalIn("c1")).isEqualTo(canary + " c1");
    }

    @Test
    void a_staged_key_becomes_primary_only_when_promoted() {
        saveScopes("c1");
        int[] exit = new int[1];
        String staged = run(exit, "vault", "rotate", "--stage", "--config", config);
        assertThat(staged).contains("decrypts only");
        String key = staged.replaceFirst("(?s)^.*added key ([0-9]+).*$", "$1");
        assertThat(run(exit, "vault", "stats", "--config", config)).containsPattern("key " + key + " +ENABLED");
        assertThat(run(exit, "vault", "promote", key, "--config", config)).contains("key " + key + " is now the "
                + "primary");
        assertThat(run(exit, "vault", "rotate", "--rewrap", "--config", config)).contains("re-encrypted 1 scopes");
        assertThat(originalIn("c1")).isEqualTo(canary + " c1");
        run(exit, "vault", "promote", "42", "--config", config);
        assertThat(exit[0]).isNotZero();
    }

    @Test
    void purge_deletes_scopes_unused_for_longer_than_the_age_and_prints_how_many() throws Exception {
        saveScopes("old", "new");
        try (Store store = Store.open(storeConfig);
                Connection c = store.database().dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE phi_vault SET last_used_at = ? WHERE id_hash = ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(40)), ZoneOffset.UTC));
            s.setString(2, ScopeKey.conversation("st-olaf", "old").idHash());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        int[] exit = new int[1];
        assertThat(run(exit, "vault", "purge", "--older-than", "35d", "--config", config)).contains("purged 1 scopes");
        assertThat(exit[0]).isZero();
        assertThat(run(exit, "vault", "purge", "--config", config)).contains("purged 0 scopes");
        assertThat(originalIn("new")).isEqualTo(canary + " new");
        assertThat(originalIn("old")).isNull();

        assertThat(run(exit, "vault", "purge", "--older-than", "soon", "--config", config)).contains("CG-1001");
        assertThat(exit[0]).isNotZero();
    }

    @Test
    void ages_read_as_days_hours_minutes_or_iso_durations() {
        assertThat(VaultCommand.parseAge("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(VaultCommand.parseAge("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(VaultCommand.parseAge("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(VaultCommand.parseAge("P2D")).isEqualTo(Duration.ofDays(2));
    }
}
