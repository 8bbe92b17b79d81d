package org.clinigate.store.testing;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditLog;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.audit.AuditSettings;

/**
 * The process a crash test kills: appends from several threads for ever and prints {@code ack <sequence>} for each
 * append that returned, that is, each record acknowledged as durable.
 *
 * <p>Arguments: JDBC URL, user, base64 audit key, thread count.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        String key = args[2];
        int threads = Integer.parseInt(args[3]);
        StoreConfig config = StoreConfig.embedded(Path.of(".")).withUrl(args[0], args[1], null)
                .withAudit(new AuditSettings(50, false, 256, AuditSettings.DEFAULT_KEY_ENV, null,
                        args.length > 4 && args[4].equals("journal")));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Store store = Store.open(config, Map.of(AuditSettings.DEFAULT_KEY_ENV, key)::get);
        AuditLog log = store.auditLog();
        out.println("ready");
        out.flush();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> {
                for (int i = 0;; i++) {
                    AuditEvent event = AuditEvent.builder().who("tenant-" + thread, "key-" + thread, "clinician")
                            .endpoint("POST /v1/chat/completions").model("m").tokens(i, i).prompt("prompt " + i)
                            .build();
                    long sequence = log.append(event).sequence();
                    synchronized (out) {
                        out.println("ack " + sequence);
                        out.flush();
                    }
                }
            });
        }
        Thread.currentThread().join();
    }
}
