package org.clinigate.store.audit;

import java.nio.file.Path;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * How the audit chain is kept.
 *
 * @param checkpointInterval a signed checkpoint seals the chain every this many records, 1 to 1,000,000
 * @param storeText whether de-identified prompt and response text is stored; when false only digests are kept
 * @param maxBatch the most records committed together in one transaction (group commit), 1 to 10,000
 * @param keyEnv the environment variable holding the checkpoint key (base64, at least 32 bytes), or null
 * @param keyFile the file holding the key when the variable is unset; created with a fresh random key if missing,
 *     or null to require the variable
 * @param journal on an embedded H2 file database, make commits durable through the write-ahead audit journal
 *     (ADR 0008, "the audit journal") instead of a {@code CHECKPOINT SYNC} per commit; ignored on PostgreSQL
 */
public record AuditSettings(int checkpointInterval, boolean storeText, int maxBatch, String keyEnv, Path keyFile,
        boolean journal) {

    public static final String DEFAULT_KEY_ENV = "CLINIGATE_AUDIT_KEY";

    public AuditSettings {
        if (checkpointInterval < 1 || checkpointInterval > 1_000_000) {
            throw invalid("audit.checkpointInterval must be in [1, 1000000], got " + checkpointInterval);
        }
        if (maxBatch < 1 || maxBatch > 10_000) {
            throw invalid("audit.maxBatch must be in [1, 10000], got " + maxBatch);
        }
        if ((keyEnv == null || keyEnv.isBlank()) && keyFile == null) {
            throw invalid("audit.keyEnv or audit.keyFile must be set");
        }
    }

    /** Settings without the journal. */
    public AuditSettings(int checkpointInterval, boolean storeText, int maxBatch, String keyEnv, Path keyFile) {
        this(checkpointInterval, storeText, maxBatch, keyEnv, keyFile, false);
    }

    /** Checkpoints every 1,000 records, no text, batches of up to 256, key from the env or a file in dataDir. */
    public static AuditSettings defaults(Path dataDir) {
        return new AuditSettings(1000, false, 256, DEFAULT_KEY_ENV, dataDir.resolve("audit-chain.key"));
    }

    public AuditSettings withCheckpointInterval(int interval) {
        return new AuditSettings(interval, storeText, maxBatch, keyEnv, keyFile, journal);
    }

    public AuditSettings withStoreText(boolean store) {
        return new AuditSettings(checkpointInterval, store, maxBatch, keyEnv, keyFile, journal);
    }

    public AuditSettings withMaxBatch(int batch) {
        return new AuditSettings(checkpointInterval, storeText, batch, keyEnv, keyFile, journal);
    }

    public AuditSettings withJournal(boolean on) {
        return new AuditSettings(checkpointInterval, storeText, maxBatch, keyEnv, keyFile, on);
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_1001, detail);
    }
}
