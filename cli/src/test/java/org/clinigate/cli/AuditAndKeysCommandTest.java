package org.clinigate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditOutcome;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands: keys are printed once and stored hashed; audit verify's exit code tells the truth. */
class AuditAndKeysCommandTest {

    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path yaml = dir.resolve("clinigate.yaml");
        Files.writeString(yaml, "data_dir: " + dir.resolve("data") + "\n");
        return yaml;
    }

    private static String run(int[] exit, String... args) {
        return CliRun.run(exit, args);
    }

    @Test
    void a_created_key_is_shown_once_and_listed_only_by_prefix() throws Exception {
        String cfg = config().toString();
        int[] exit = new int[1];
        String key = run(exit, "keys", "create", "--tenant", "st-olaf", "--role", "clinician", "--config", cfg).strip();
        assertThat(exit[0]).isZero();
        assertThat(key).startsWith("cg_").hasSize(46);
        String list = run(exit, "keys", "list", "--config", cfg);
        assertThat(list).contains("st-olaf").contains("clinician").contains(key.substring(0, 11))
                .doesNotContain(key);
        assertThat(run(exit, "keys", "create", "--tenant", "x'; DROP TABLE api_key; --", "--role", "clinician",
                "--config", cfg)).isEmpty();
        assertThat(exit[0]).isNotZero();
    }

    @Test
    void audit_verify_exits_zero_on_an_intact_chain_and_one_naming_the_first_broken_record() throws Exception {
        Path yaml = config();
        StoreConfig sc = Application.storeConfig(new ConfigLoader().load(yaml, java.util.Map.of()));
        try (Store store = Store.open(sc)) {
            for (int i = 0; i < 5; i++) {
                store.auditLog().append(AuditEvent.builder().who("t", "p", "clinician").endpoint("POST /v1/x")
                        .outcome(AuditOutcome.ALLOWED, 200, null).build());
            }
        }
        int[] exit = new int[1];
        assertThat(run(exit, "audit", "verify", "--config", yaml.toString())).contains("intact");
        assertThat(exit[0]).isZero();
        try (Connection c = DriverManager.getConnection(sc.url(), sc.user(), ""); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_record SET endpoint = 'POST /v1/forged' WHERE seq = 3");
        }
        assertThat(run(exit, "audit", "verify", "--config", yaml.toString())).contains("sequence 3");
        assertThat(exit[0]).isEqualTo(1);
    }

    @Test
    void audit_export_writes_one_balp_audit_event_per_record_and_refuses_a_broken_chain() throws Exception {
        Path yaml = config();
        StoreConfig sc = Application.storeConfig(new ConfigLoader().load(yaml, java.util.Map.of()));
        try (Store store = Store.open(sc)) {
            for (int i = 0; i < 7; i++) {
                store.auditLog().append(AuditEvent.builder().who("ward-7", "key:" + i, "clinician")
                        .endpoint("POST /v1/chat/completions").prompt("CANARY-PROMPT-" + i)
                        .outcome(AuditOutcome.ALLOWED, 200, null).build());
            }
        }
        Path out = dir.resolve("export/audit.ndjson");
        int[] exit = new int[1];
        String said = run(exit, "audit", "export", "--fhir", "--out", out.toString(), "--config", yaml.toString());
        assertThat(exit[0]).isZero();
        assertThat(said).contains("exported 7 AuditEvent").contains("intact");
        var lines = Files.readAllLines(out);
        assertThat(lines).hasSize(7).allSatisfy(l -> assertThat(l).contains("\"resourceType\":\"AuditEvent\"")
                .contains("IHE.BasicAudit.Create").doesNotContain("CANARY"));

        try (Connection c = DriverManager.getConnection(sc.url(), sc.user(), ""); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_record WHERE seq = 4");
        }
        Path refused = dir.resolve("export/refused.ndjson");
        run(exit, "audit", "export", "--fhir", "--out", refused.toString(), "--config", yaml.toString());
        assertThat(exit[0]).isEqualTo(1);
        assertThat(refused).doesNotExist();
        run(exit, "audit", "export", "--fhir", "--force", "--out", refused.toString(), "--config", yaml.toString());
        assertThat(exit[0]).isZero();
        assertThat(Files.readAllLines(refused)).hasSize(6);
    }
}
