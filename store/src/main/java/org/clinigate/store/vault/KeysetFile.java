package org.clinigate.store.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyset file on disk: created with owner-only permissions, replaced whole by an atomic rename so that a reader
 * sees the old keyset or the new one and never half of one. The secret is only ever written to the file.
 */
final class KeysetFile {

    private static final Logger LOG = LoggerFactory.getLogger(KeysetFile.class);

    private KeysetFile() {
    }

    /** Reads the keyset file, or creates it with one fresh AES-256-GCM key (owner-only) when missing. */
    static VaultKeyset.Keys loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnIfReadableByOthers(file);
            return VaultKeyset.parse(Files.readString(file, StandardCharsets.UTF_8), "vault.keysetFile");
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_4030, "vault.keysetFile cannot be read or created ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = ownerOnlyTempFile(dir);
        try {
            Files.writeString(tmp, VaultKeyset.generateJson() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file);
            LOG.info("created a new vault keyset file with one AES-256-GCM key");
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The keyset in the file, validated as the vault would load it. */
    static KeysetHandle read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_4030, "vault.keysetFile cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        VaultKeyset.parse(json, "vault.keysetFile"); // validates: an AEAD keyset with an AES-256-GCM primary
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw VaultKeyset.notAKeyset("vault.keysetFile");
        }
    }

    /** Writes the keyset beside the old file and renames it over, so a reader sees the old or the new, never half. */
    static void write(Path file, KeysetHandle handle) throws GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = ownerOnlyTempFile(dir);
            try {
                Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1007, "vault.keysetFile could not be written ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, "vault-keyset", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, "vault-keyset", ".tmp");
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn("the vault keyset file is readable by other users; it should be owner-only (chmod 600)");
        }
    }
}
