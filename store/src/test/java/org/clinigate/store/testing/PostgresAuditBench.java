package org.clinigate.store.testing;

import java.nio.file.Path;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.audit.AuditSettings;
import org.clinigate.store.bench.AuditBench;

/**
 * {@link AuditBench} against the embedded PostgreSQL (fsync and synchronous_commit on); its binaries are test-scoped,
 * so this main lives with the tests. Arguments: threads, records per round, rounds, batch.
 */
public final class PostgresAuditBench {

    private PostgresAuditBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        AuditSettings audit = new AuditSettings(1000, false, batch, AuditSettings.DEFAULT_KEY_ENV, null);
        try (EmbeddedPg pg = EmbeddedPg.start()) {
            AuditBench.run(round -> StoreConfig.embedded(Path.of(".")).withUrl(pg.url(pg.createDatabase()),
                    "postgres", null).withAudit(audit), threads, records, rounds, System.out);
        }
    }
}
