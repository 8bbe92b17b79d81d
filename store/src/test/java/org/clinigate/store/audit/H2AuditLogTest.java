package org.clinigate.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.clinigate.store.StoreConfig;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded default: an H2 file database; the outage case runs H2 as a TCP server. */
class H2AuditLogTest extends AuditLogContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    @TempDir
    static Path dir;
    private static Server tcp;
    private Path lastDataDir;

    @BeforeAll
    static void startTcpServer() throws SQLException, IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        tcp = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir",
                dir.resolve("tcp").toString()).start();
    }

    @AfterAll
    static void stopTcpServer() {
        tcp.stop();
    }

    @Override
    protected StoreConfig freshConfig() {
        lastDataDir = dir.resolve("data-" + DATABASES.incrementAndGet());
        return StoreConfig.embedded(lastDataDir);
    }

    @Override
    protected int serverPort() {
        return tcp.getPort();
    }

    @Override
    protected StoreConfig freshConfigAt(int port) {
        String options = StoreConfig.h2Url(Path.of("x")).replaceFirst("^[^;]*", "");
        return StoreConfig.embedded(dir).withUrl("jdbc:h2:tcp://127.0.0.1:" + port + "/outage-"
                + DATABASES.incrementAndGet() + options, "clinigate", null);
    }

    @Override
    void assertNoCanaryOnDisk(String canary) throws IOException {
        byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> all = Files.walk(lastDataDir)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(indexOf(Files.readAllBytes(file), needle)).as(file.getFileName().toString()).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
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
