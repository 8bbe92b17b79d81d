package org.clinigate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.audit.AuditSettings;
import org.clinigate.store.audit.ChainKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    private static final Map<String, String> NO_ENV = Map.of();

    private static ErrorCode codeOf(Throwable e) {
        return ((ClinigateException) e).code();
    }

    @Test
    void the_default_is_an_h2_file_under_data_clinigate() {
        StoreConfig config = StoreConfig.defaults();

        assertThat(config.url()).startsWith("jdbc:h2:file:./data/clinigate/db;MODE=PostgreSQL;");
        assertThat(config.audit().keyFile()).isEqualTo(Path.of("data", "clinigate", "audit-chain.key"));
        assertThat(config.audit().storeText()).isFalse();
    }

    @Test
    void the_embedded_store_creates_its_key_file_once_and_keeps_the_chain_across_restarts(@TempDir Path dir)
            throws Exception {
        StoreConfig config = StoreConfig.embedded(dir);
        try (Store store = Store.open(config, NO_ENV::get)) {
            store.auditLog().append(event());
            assertThat(store.readiness().ready()).isTrue();
        }
        Path key = dir.resolve("audit-chain.key");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Store store = Store.open(config, NO_ENV::get)) {
            assertThat(store.auditLog().append(event()).sequence()).isEqualTo(2);
            assertThat(store.auditLog().verify().ok()).isTrue();
        }
    }

    @Test
    void a_key_from_the_environment_wins_over_the_key_file(@TempDir Path dir) {
        AuditSettings settings = AuditSettings.defaults(dir);
        String env = Base64.getEncoder().encodeToString(new byte[32]);

        ChainKey fromEnv = ChainKey.resolve(settings, Map.of(AuditSettings.DEFAULT_KEY_ENV, env)::get);
        ChainKey fromFile = ChainKey.resolve(settings, NO_ENV::get);

        assertThat(fromEnv.id()).isEqualTo(ChainKey.of(new byte[32]).id()).isNotEqualTo(fromFile.id());
        assertThat(fromEnv.toString()).doesNotContain(env);
    }

    @Test
    void bad_keys_fail_fast_naming_the_setting() {
        AuditSettings envOnly = new AuditSettings(10, false, 10, "MY_AUDIT_KEY", null);

        assertThatThrownBy(() -> ChainKey.resolve(envOnly, NO_ENV::get)).hasMessageContaining("CG-1001")
                .hasMessageContaining("MY_AUDIT_KEY");
        assertThatThrownBy(() -> ChainKey.resolve(envOnly, Map.of("MY_AUDIT_KEY", "not base64!")::get))
                .hasMessageContaining("MY_AUDIT_KEY is not valid base64");
        assertThatThrownBy(() -> ChainKey.of(new byte[16])).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void bad_settings_fail_fast_naming_the_setting_but_never_echo_the_url() {
        StoreConfig ok = StoreConfig.defaults();

        assertThatThrownBy(() -> ok.withUrl("jdbc:mysql://db/x?password=hunter2", "u", null))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CG_1001))
                .hasMessageContaining("db.url").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ok.withPool(0, Duration.ofSeconds(1))).hasMessageContaining("db.poolSize");
        assertThatThrownBy(() -> ok.withPool(5, Duration.ofMillis(10))).hasMessageContaining("db.connectTimeout");
        assertThatThrownBy(() -> ok.withAudit(ok.audit().withCheckpointInterval(0)))
                .hasMessageContaining("audit.checkpointInterval");
        assertThat(ok.withUrl("jdbc:postgresql://db:5432/x?password=hunter2", "u", "PGPASS").toString())
                .doesNotContain("hunter2").contains("postgresql");
    }

    @Test
    void opening_an_unreachable_database_fails_with_the_retriable_code() {
        StoreConfig config = StoreConfig.defaults().withUrl("jdbc:postgresql://127.0.0.1:1/clinigate", "u", null)
                .withPool(2, Duration.ofSeconds(1));

        assertThatThrownBy(() -> Store.open(config, Map.of(AuditSettings.DEFAULT_KEY_ENV,
                Base64.getEncoder().encodeToString(new byte[32]))::get))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.CG_4001))
                .satisfies(e -> assertThat(((ClinigateException) e).retriable()).isTrue())
                .hasMessageNotContaining("127.0.0.1");
    }

    private static AuditEvent event() {
        return AuditEvent.builder().who("t", "k", "admin").endpoint("GET /v1/models").build();
    }
}
