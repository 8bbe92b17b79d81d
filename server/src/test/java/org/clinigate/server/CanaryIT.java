package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary proof. Notes full of unique PHI values go through every endpoint, in every shape a client might send
 * them (plain, streamed, with patient and conversation ids, malformed, for an unknown model, refused by auth). Then
 * the logs, every table and column of the database, every file of the data directory, the metrics and what the model
 * received are scanned: a canary may exist only as vault ciphertext, never in plaintext.
 */
class CanaryIT {

    /** Values the de-identifier must catch, each unique to this test. */
    static final List<String> CANARIES = List.of("Wendeline Quarrisford", "Quarrisford", "Wendeline",
            "617-555-0163", "wq.canary@quarrisford-mail.org", "521-44-9617", "MRN 88231977", "88231977",
            "4412 Thistlewood Lane", "Thistlewood", "03/14/1961");
    /** An identifier sent only as the scope's patient id, never in text. */
    static final String PATIENT_ID = "PID-CANARY-7731946";

    static final String NOTE = "Patient name: Wendeline Quarrisford. DOB 03/14/1961. MRN 88231977. SSN 521-44-9617. "
            + "Lives at 4412 Thistlewood Lane, Springfield. Call 617-555-0163 or wq.canary@quarrisford-mail.org. "
            + "Ms. Quarrisford reports chest tightness.";

    @TempDir
    Path dataDir;

    private static HttpRequest.Builder post(Gateway g, String key, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(g.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    @Test
    void canaries_exist_nowhere_in_plaintext_after_every_endpoint() throws Exception {
        ScriptedBackend backend = new ScriptedBackend();
        List<String> clientSaw = new ArrayList<>();
        String metrics;
        try (Gateway g = new Gateway(backend, Map.of("CLINIGATE_DATA_DIR", dataDir.toString(), "CLINIGATE_AUTH_MODE",
                "keys", "CLINIGATE_AUDIT_STORE_TEXT", "true", "CLINIGATE_QUOTAS_KEY_REQUESTS_PER_MINUTE", "1000"))) {
            String key = g.store.apiKeys().create("canary-ward", "clinician").secret();
            String researcher = g.store.apiKeys().create("canary-ward", "researcher").secret();
            var http = g.http;
            var plain = http.send(post(g, key, "/v1/chat/completions", Gateway.chat(NOTE, false, "conv-1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(200);
            clientSaw.add(plain.body());
            var streamed = http.send(post(g, key, "/v1/chat/completions", Gateway.chat(NOTE, true, "conv-1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(streamed.statusCode()).isEqualTo(200);
            clientSaw.add(Gateway.streamedText(streamed.body()));
            String withPatient = "{\"model\":\"test-model\",\"messages\":[{\"role\":\"system\",\"content\":"
                    + "\"Summarise for Dr. Quarrisford.\"},{\"role\":\"user\",\"content\":\"" + NOTE + "\"}],"
                    + "\"clinigate\":{\"patient_id\":\"" + PATIENT_ID + "\"}}";
            var patient = http.send(post(g, key, "/v1/chat/completions", withPatient).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(patient.statusCode()).isEqualTo(200);
            clientSaw.add(patient.body());
            // Refusals and errors that carry PHI in what was sent
            int[] refused = {
                    http.send(post(g, key, "/v1/chat/completions", "{\"model\":\"test-model\",\"messages\":[{\"role"
                            + "\":\"user\",\"content\":\"" + NOTE + "\"}").build(),
                            HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    http.send(post(g, key, "/v1/chat/completions", Gateway.chat(NOTE, false, null)
                            .replace("\"user\"", "\"doctor\"")).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    http.send(post(g, researcher, "/v1/chat/completions", Gateway.chat(NOTE, false, null)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode(),
                    http.send(post(g, null, "/v1/chat/completions", Gateway.chat(NOTE, false, null)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode(),
                    http.send(post(g, "cg_" + "Quarrisford".repeat(4), "/v1/chat/completions",
                            Gateway.chat(NOTE, false, null)).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode()};
            assertThat(refused).containsExactly(400, 400, 403, 401, 401);
            assertThat(http.send(HttpRequest.newBuilder(g.uri("/v1/models")).header("Authorization", "Bearer " + key)
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            metrics = g.get("/metrics").body();

            // The clinician got the real values back.
            assertThat(clientSaw.get(0)).contains("Wendeline Quarrisford").contains("617-555-0163");
            assertThat(clientSaw.get(1)).contains("Wendeline Quarrisford");

            List<String> where = new ArrayList<>();
            List<String> selfCheck = new ArrayList<>();
            scan("the note itself", NOTE + PATIENT_ID, selfCheck);
            assertThat(selfCheck).as("the scanner finds every canary").hasSize(CANARIES.size() + 1);
            scan("what the model received", backend.everythingReceived(), where);
            scan("metrics", metrics, where);
            scanDatabase(g, where);
            assertThat(where).as("canaries found in plaintext").isEmpty();
            assertThat(g.store.auditLog().verify().ok()).isTrue();
        }
        List<String> where = new ArrayList<>();
        try (var files = Files.walk(dataDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                scan("data file " + dataDir.relativize(f),
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), where);
                // H2 may store strings as UTF-16 in places; look for that too.
                scan("data file (UTF-16) " + dataDir.relativize(f),
                        new String(Files.readAllBytes(f), StandardCharsets.UTF_16BE), where);
            }
        }
        Path log = Path.of("target", "it-gateway.log");
        if (Files.exists(log)) {
            String logs = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(logs).as("the gateway logged during this test").contains("clinigate");
            scan("logs", logs, where);
        }
        assertThat(where).as("canaries found in plaintext").isEmpty();
    }

    private static void scan(String what, String text, List<String> where) {
        for (String canary : CANARIES) {
            if (text.contains(canary)) {
                where.add(what + ": " + canary);
            }
        }
        if (text.contains(PATIENT_ID)) {
            where.add(what + ": " + PATIENT_ID);
        }
    }

    private static void scanDatabase(Gateway g, List<String> where) throws Exception {
        try (Connection c = g.store.database().connection()) {
            List<String> tables = DatabaseScan.cells(c, (column, text) -> scan(column, text, where));
            assertThat(tables).hasSizeGreaterThanOrEqualTo(6);
        }
    }
}
