package org.clinigate.store.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The secret that signs checkpoints and seals the chain head, with HMAC-SHA256. Whoever holds it can forge seals,
 * so it lives outside the database: in an environment variable or a file of its own. {@link #id()} names the key
 * (a hash of it, not the key) so a checkpoint signed with another key is told apart from a forged one.
 *
 * <p>Immutable and thread-safe; {@code toString()} shows the id only.
 */
public final class ChainKey {

    static final int MIN_BYTES = 32;
    private final byte[] key;
    private final String id;

    private ChainKey(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new ClinigateException(ErrorCode.CG_1001,
                    "the audit key must have at least " + MIN_BYTES + " bytes, got " + key.length);
        }
        this.key = key.clone();
        this.id = HexFormat.of().formatHex(sha256(concat("clinigate-audit-key-id".getBytes(StandardCharsets.UTF_8),
                key)), 0, 8);
    }

    public static ChainKey of(byte[] key) {
        return new ChainKey(key);
    }

    /** The key from the settings: the environment variable when set, else the key file, created if missing. */
    public static ChainKey resolve(AuditSettings settings, Function<String, String> env) {
        String encoded = settings.keyEnv() == null ? null : env.apply(settings.keyEnv());
        if (encoded != null && !encoded.isBlank()) {
            return fromBase64(encoded.strip(), settings.keyEnv());
        }
        if (settings.keyFile() == null) {
            throw new ClinigateException(ErrorCode.CG_1001, settings.keyEnv() + " is not set: it must hold the audit "
                    + "checkpoint key, base64, at least " + MIN_BYTES + " bytes");
        }
        return loadOrCreate(settings.keyFile());
    }

    /** Reads the key file, or writes a fresh random 32-byte key there (owner-only permissions) when missing. */
    public static ChainKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).strip(), "audit.keyFile");
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1001, "audit.keyFile cannot be read or created ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static void create(Path file) throws IOException {
        byte[] fresh = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(fresh);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "audit-key", ".tmp");
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ChainKey fromBase64(String encoded, String setting) {
        try {
            return new ChainKey(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new ClinigateException(ErrorCode.CG_1001, setting + " is not valid base64");
        }
    }

    /** 16 hex digits naming this key. */
    public String id() {
        return id;
    }

    /** HMAC-SHA256 of the message, as 64 lowercase hex digits. */
    String sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Whether the signature matches, compared in constant time. */
    boolean verify(byte[] message, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "ChainKey[id=" + id + "]";
    }
}
