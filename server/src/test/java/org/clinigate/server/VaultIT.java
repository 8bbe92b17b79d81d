package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
            try (Connection c = g.store.database().connection(); Statement s = c.createStatement()) {
                int cells = 0;
                java.util.List<String> tables = new java.util.ArrayList<>();
                try (ResultSet t = s.executeQuery("SELECT table_schema, table_name FROM information_schema.tables "
                        + "WHERE table_type = 'BASE TABLE' AND LOWER(table_schema) NOT IN ('information_schema', "
                        + "'pg_catalog')")) {
                    while (t.next()) {
                        tables.add(t.getString(1) + "." + t.getString(2));
                    }
                }
                assertThat(tables).anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).endsWith(".phi_vault"));
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT * FROM " + quoted(table))) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                int type = rs.getMetaData().getColumnType(i);
                                boolean binary = type == java.sql.Types.BINARY || type == java.sql.Types.VARBINARY
                                        || type == java.sql.Types.LONGVARBINARY || type == java.sql.Types.BLOB;
                                String cell = binary && rs.getBytes(i) != null
                                        ? new String(rs.getBytes(i), java.nio.charset.StandardCharsets.ISO_8859_1)
                                        : rs.getString(i);
                                if (cell != null) {
                                    cells++;
                                    assertThat(cell).as("%s column %d", table, i).doesNotContain(canary);
                                }
                            }
                        }
                    }
                }
                assertThat(cells).isGreaterThan(10);
            }
        }
        try (var files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("%s", f.getFileName()).doesNotContain(canary);
            }
        }
    }

    private static String quoted(String schemaAndTable) {
        String[] p = schemaAndTable.split("\\.");
        return "\"" + p[0] + "\".\"" + p[1] + "\"";
    }
}
