package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's default vault: encrypted in the store, so pseudonyms outlive a restart and no PHI sits in clear. */
class VaultIT {

    @TempDir
    Path dataDir;

    @Test
    void pseudonyms_are_relinked_after_a_restart_and_the_database_holds_no_plaintext() throws Exception {
        Map<String, String> env = Map.of("CLINIGATE_DATA_DIR", dataDir.toString());
        String canary = "Quillonby";
        try (Gateway g = new Gateway(new ScriptedBackend(), env)) {
            var r = g.post("/v1/chat/completions", Gateway.chat("Pt Zarvik " + canary + " seen today.", false, "c-41"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains(canary);
        }
        try (Gateway g = new Gateway(new ScriptedBackend(), env)) {
            // The echo backend repeats the pseudonym; only a vault that survived the restart can re-link it.
            var r = g.post("/v1/chat/completions", Gateway.chat("What happened to [NAME_1]?", false, "c-41"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains(canary).doesNotContain("[NAME_1]");
            // A pseudonym the model invents (no such entry in the scope) is never replaced by a real value: the
            // output rail redacts it, and re-linking would not have known it anyway.
            var invented = g.post("/v1/chat/completions",
                    Gateway.chat("Compare [NAME_9] with [NAME_1].", false, "c-41"));
            assertThat(invented.body()).doesNotContain("[NAME_9]").contains("[REDACTED]").contains(canary)
                    .contains("output.pseudonym");
            // Another conversation is another scope: the same pseudonym stays a pseudonym.
            var other = g.post("/v1/chat/completions", Gateway.chat("What happened to [NAME_1]?", false, "c-42"));
            assertThat(other.body()).doesNotContain(canary);
            assertThat(g.store.phiVault().stats().toString()).doesNotContain(canary);
            try (Connection c = g.store.database().connection()) {
                int[] cells = {0};
                List<String> tables = DatabaseScan.cells(c, (column, text) -> {
                    cells[0]++;
                    assertThat(text).as(column).doesNotContain(canary);
                });
                assertThat(tables).anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).endsWith(".\"phi_vault\""));
                assertThat(cells[0]).isGreaterThan(10);
            }
        }
        try (var files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("%s", f.getFileName()).doesNotContain(canary);
            }
        }
    }
}
