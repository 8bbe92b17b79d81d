package org.clinigate.store.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.clinigate.core.Sha256;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tink keyset that encrypts the vault: from an environment variable (a Tink JSON keyset) or from a file, which is
 * created with one fresh AES-256-GCM key and owner-only permissions on first use, like the audit key. A keyset holds
 * several keys: the primary encrypts, every enabled key decrypts, which is what lets keys rotate without downtime.
 *
 * <p>A file keyset is re-read when {@link #refresh()} finds its content changed, so a running gateway picks up a key
 * that {@code clinigate vault rotate} added. The secret never appears in messages or {@code toString()}; key ids do.
 *
 * <p><b>Thread safety.</b> Safe for concurrent use: the loaded keys are one immutable snapshot, swapped atomically.
 * <b>Failure.</b> {@code CG-4030} when the keyset is missing, unreadable, not a Tink JSON AEAD keyset, or its
 * primary key is not AES-256-GCM.
 */
public final class VaultKeyset {

    private static final Logger LOG = LoggerFactory.getLogger(VaultKeyset.class);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One key of the keyset, without its secret. */
    public record KeyInfo(long id, String status, boolean primary) {
    }

    /** What the vault encrypts and decrypts with: one consistent snapshot of the keyset. */
    record Keys(Aead aead, long primaryId, List<KeyInfo> keys, String fingerprint) {
        @Override
        public String toString() {
            return "Keys[primary=" + primaryId + ", keys=" + keys.size() + "]";
        }
    }

    private final String source;
    private final Path file;
    private volatile Keys keys;

    private VaultKeyset(String source, Path file, Keys keys) {
        this.source = source;
        this.file = file;
        this.keys = keys;
    }

    /** The keyset the settings name: the variable when set and not blank, else the file, created when missing. */
    public static VaultKeyset resolve(VaultSettings settings, Function<String, String> env) {
        String json = settings.keysetEnv() == null ? null : env.apply(settings.keysetEnv());
        if (json != null && !json.isBlank()) {
            return new VaultKeyset(settings.keysetEnv(), null, parse(json, settings.keysetEnv()));
        }
        if (settings.keysetFile() == null) {
            throw new ClinigateException(ErrorCode.CG_4030, settings.keysetEnv() + " is not set and "
                    + "vault.keysetFile is not configured: the vault needs a Tink JSON keyset");
        }
        return new VaultKeyset("vault.keysetFile", settings.keysetFile(),
                KeysetFile.loadOrCreate(settings.keysetFile()));
    }

    /** A keyset given as Tink JSON, for tests and tools. */
    public static VaultKeyset of(String json) {
        return new VaultKeyset("keyset", null, parse(json, "keyset"));
    }

    /** A fresh keyset of one AES-256-GCM key, as Tink JSON. Holds a secret: write it only where keys belong. */
    public static String generateJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new ClinigateException(ErrorCode.CG_4030, "could not generate a vault keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    Keys keys() {
        return keys;
    }

    /** The keys now loaded, primary marked; no secrets. */
    public List<KeyInfo> keyInfo() {
        return keys.keys();
    }

    /** The id of the key that encrypts new records. */
    public long primaryId() {
        return keys.primaryId();
    }

    /** Where the keyset comes from: the variable's name or {@code vault.keysetFile}. */
    public String source() {
        return source;
    }

    /** The keyset file, or null when the keyset comes from a variable. */
    public Path file() {
        return file;
    }

    /**
     * Re-reads a file keyset and swaps it in when its content changed. Returns whether it changed. A variable's keyset
     * cannot change while the process runs. A file that has become unreadable or invalid leaves the loaded keys in
     * place and is logged, so a half-written edit never stops the vault.
     */
    public boolean refresh() {
        if (file == null) {
            return false;
        }
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            if (Sha256.hex(json).equals(keys.fingerprint())) {
                return false;
            }
            keys = parse(json, source);
            LOG.info("vault keyset reloaded: primary key {}, {} keys", keys.primaryId(), keys.keys().size());
            return true;
        } catch (IOException | ClinigateException e) {
            LOG.warn("vault keyset file not reloaded ({}); keeping the loaded keys", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Adds a fresh AES-256-GCM key to a keyset file. With {@code promote} it becomes the primary at once; without, it
     * only decrypts until {@link #promote} makes it primary, which is how instances that each hold a copy of the file
     * learn the key before anyone encrypts with it. Old keys stay, so existing records still decrypt.
     *
     * @return the new key's id
     */
    public static long rotate(Path file, boolean promote) {
        KeysetHandle handle = KeysetFile.read(file);
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
            KeysetHandle.Builder.Entry entry = KeysetHandle.generateEntryFromParameters(
                    PredefinedAeadParameters.AES256_GCM).withRandomId().setStatus(KeyStatus.ENABLED);
            if (promote) {
                entry.makePrimary();
            }
            builder.addEntry(entry);
            KeysetHandle rotated = builder.build();
            KeysetFile.write(file, rotated);
            return Integer.toUnsignedLong(rotated.getAt(rotated.size() - 1).getId());
        } catch (GeneralSecurityException e) {
            throw new ClinigateException(ErrorCode.CG_4030, "could not add a key to the vault keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Makes an enabled key of a keyset file its primary. */
    public static void promote(Path file, long keyId) {
        KeysetHandle handle = KeysetFile.read(file);
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
            for (int i = 0; i < builder.size(); i++) {
                if (Integer.toUnsignedLong(handle.getAt(i).getId()) == keyId) {
                    if (builder.getAt(i).getStatus() != KeyStatus.ENABLED) {
                        throw new ClinigateException(ErrorCode.CG_1001, "key " + keyId + " is not enabled");
                    }
                    builder.getAt(i).makePrimary();
                    KeysetFile.write(file, builder.build());
                    return;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ClinigateException(ErrorCode.CG_4030, "could not promote a vault key ("
                    + e.getClass().getSimpleName() + ")");
        }
        throw new ClinigateException(ErrorCode.CG_1001, "the vault keyset has no key " + keyId);
    }

    static Keys parse(String json, String setting) {
        KeysetHandle handle;
        KeysetHandle.Entry primaryEntry;
        try {
            handle = TinkJsonProtoKeysetFormat.parseKeyset(json.strip(), InsecureSecretKeyAccess.get());
            primaryEntry = handle.getPrimary();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw notAKeyset(setting);
        }
        if (!(primaryEntry.getKey() instanceof AesGcmKey primary)
                || primary.getParameters().getKeySizeBytes() != 32) {
            throw new ClinigateException(ErrorCode.CG_4030, "the primary key of the vault keyset in " + setting
                    + " must be AES-256-GCM");
        }
        Aead aead;
        try {
            aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new ClinigateException(ErrorCode.CG_4030, "the vault keyset in " + setting
                    + " holds keys that are not AEAD keys");
        }
        List<KeyInfo> infos = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry e = handle.getAt(i);
            infos.add(new KeyInfo(Integer.toUnsignedLong(e.getId()), e.getStatus().toString(), e.isPrimary()));
        }
        return new Keys(aead, Integer.toUnsignedLong(primaryEntry.getId()), List.copyOf(infos),
                Sha256.hex(json));
    }

    static ClinigateException notAKeyset(String setting) {
        return new ClinigateException(ErrorCode.CG_4030, "the vault keyset in " + setting
                + " is not a valid Tink JSON keyset");
    }

    @Override
    public String toString() {
        return "VaultKeyset[source=" + source + ", primary=" + keys.primaryId() + ", keys=" + keys.keys().size() + "]";
    }
}
