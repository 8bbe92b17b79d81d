package org.clinigate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the gateway in the middle of a burst: every request a client got an answer for was audited before the
 * answer, so after a restart the log holds at least that many records and its chain verifies.
 */
class CrashIT {

    @TempDir
    Path dir;

    @Test
    void nothing_acknowledged_is_lost_when_the_gateway_is_killed_mid_burst() throws Exception {
        Path data = dir.resolve("data");
        Path out = dir.resolve("child.out");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-Xmx384m", "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), GatewayProcess.class.getName(), data.toString())
                .redirectOutput(out.toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        AtomicLong acknowledged = new AtomicLong();
        try {
            int port = -1;
            for (int i = 0; i < 600 && port < 0 && child.isAlive(); i++) {
                Thread.sleep(50);
                for (String line : Files.readAllLines(out)) {
                    if (line.startsWith("port ")) {
                        port = Integer.parseInt(line.substring(5).strip());
                    }
                }
            }
            assertThat(port).as("the child gateway started").isPositive();
            URI models = URI.create("http://127.0.0.1:" + port + "/v1/models");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    while (true) {
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(models)
                                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                acknowledged.incrementAndGet();
                            }
                        } catch (Exception gone) {
                            return; // the gateway died
                        }
                    }
                }));
            }
            for (int i = 0; i < 200 && acknowledged.get() < 300; i++) {
                Thread.sleep(25);
            }
            child.destroyForcibly(); // SIGKILL, mid-burst
            child.waitFor();
            for (Thread t : clients) {
                t.join(10_000);
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged.get()).as("requests answered before the kill").isGreaterThan(50);
        try (Store store = Store.open(StoreConfig.embedded(data), k -> null)) {
            VerifyReport report = store.auditLog().verify();
            assertThat(report.ok()).as(report.describe()).isTrue();
            assertThat(report.recordsChecked()).isGreaterThanOrEqualTo(acknowledged.get());
        }
    }
}
