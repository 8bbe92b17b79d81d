package org.clinigate.store.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.core.pipeline.ScopeKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultKeysetTest {

    @TempDir
    Path dir;

    private VaultSettings settings() {
        return VaultSettings.defaults(dir);
    }

    @Test
    void a_missing_keyset_file_is_created_owner_only_with_one_aes256_gcm_key_and_reused() throws Exception {
        VaultKeyset first = VaultKeyset.resolve(settings(), k -> null);
        Path file = dir.resolve(VaultSettings.DEFAULT_KEYSET_FILE);
        assertThat(file).exists();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(first.keyInfo()).hasSize(1).allMatch(VaultKeyset.KeyInfo::primary);
        VaultKeyset again = VaultKeyset.resolve(settings(), k -> null);
        assertThat(again.primaryId()).isEqualTo(first.primaryId());
        assertThat(first.source()).isEqualTo("vault.keysetFile");
    }

    @Test
    void the_environment_variable_wins_over_the_file() {
        String json = VaultKeyset.generateJson();
        long expected = VaultKeyset.of(json).primaryId();
        VaultKeyset fromEnv = VaultKeyset.resolve(settings(), Map.of(VaultSettings.DEFAULT_KEYSET_ENV, json)::get);
        assertThat(fromEnv.primaryId()).isEqualTo(expected);
        assertThat(fromEnv.source()).isEqualTo(VaultSettings.DEFAULT_KEYSET_ENV);
        assertThat(fromEnv.file()).isNull();
        assertThat(dir.resolve(VaultSettings.DEFAULT_KEYSET_FILE)).doesNotExist();
    }

    @Test
    void no_keyset_at_all_is_CG_4030_naming_the_variable() {
        VaultSettings envOnly = settings().withKeyset("MY_VAULT_KEYSET", null);
        assertThatThrownBy(() -> VaultKeyset.resolve(envOnly, k -> null)).isInstanceOf(ClinigateException.class)
                .hasMessageStartingWith("CG-4030").hasMessageContaining("MY_VAULT_KEYSET")
                .satisfies(e -> assertThat(((ClinigateException) e).code()).isEqualTo(ErrorCode.CG_4030));
    }

    @Test
    void a_keyset_that_is_not_tink_json_is_CG_4030_without_quoting_it() throws Exception {
        String secretish = "{\"not\": \"a keyset but maybe a secret 8f3a\"}";
        assertThatThrownBy(() -> VaultKeyset.resolve(settings(), Map.of(VaultSettings.DEFAULT_KEYSET_ENV,
                secretish)::get)).hasMessageStartingWith("CG-4030").hasMessageNotContaining("8f3a")
                .hasMessageContaining(VaultSettings.DEFAULT_KEYSET_ENV);
        Files.writeString(dir.resolve(VaultSettings.DEFAULT_KEYSET_FILE), "garbage 8f3a", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> VaultKeyset.resolve(settings(), k -> null)).hasMessageStartingWith("CG-4030")
                .hasMessageContaining("vault.keysetFile").hasMessageNotContaining("8f3a");
    }

    @Test
    void a_keyset_whose_primary_is_not_aes256_gcm_is_CG_4030() throws Exception {
        String aes128 = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM), InsecureSecretKeyAccess.get());
        assertThatThrownBy(() -> VaultKeyset.of(aes128)).hasMessageStartingWith("CG-4030")
                .hasMessageContaining("AES-256-GCM");
        MacConfig.register();
        String mac = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG), InsecureSecretKeyAccess.get());
        assertThatThrownBy(() -> VaultKeyset.of(mac)).hasMessageStartingWith("CG-4030");
    }

    @Test
    void rotate_adds_a_new_primary_and_keeps_the_old_key_for_decryption() throws Exception {
        VaultKeyset before = VaultKeyset.resolve(settings(), k -> null);
        Path file = before.file();
        VaultCipher cipher = new VaultCipher(before);
        ScopeKey scope = ScopeKey.conversation("t", "c");
        byte[] old = cipher.seal(scope, new byte[]{1, 2, 3}).ciphertext();

        long added = VaultKeyset.rotate(file, true);
        assertThat(added).isNotEqualTo(before.primaryId());
        assertThat(before.refresh()).isTrue();
        assertThat(before.primaryId()).isEqualTo(added);
        assertThat(before.keyInfo()).hasSize(2);
        assertThat(cipher.open(scope, old)).containsExactly(1, 2, 3);
        assertThat(cipher.seal(scope, new byte[]{4}).keyId()).isEqualTo(added);
        assertThat(before.refresh()).as("unchanged file").isFalse();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void a_staged_key_decrypts_only_until_it_is_promoted() {
        VaultKeyset keyset = VaultKeyset.resolve(settings(), k -> null);
        long primary = keyset.primaryId();
        long staged = VaultKeyset.rotate(keyset.file(), false);
        keyset.refresh();
        assertThat(keyset.primaryId()).isEqualTo(primary);
        assertThat(keyset.keyInfo()).extracting(VaultKeyset.KeyInfo::id).contains(staged);
        VaultKeyset.promote(keyset.file(), staged);
        keyset.refresh();
        assertThat(keyset.primaryId()).isEqualTo(staged);
        assertThatThrownBy(() -> VaultKeyset.promote(keyset.file(), 12345L)).hasMessageStartingWith("CG-1001");
    }

    @Test
    void a_broken_file_during_a_refresh_keeps_the_loaded_keys() throws Exception {
        VaultKeyset keyset = VaultKeyset.resolve(settings(), k -> null);
        long primary = keyset.primaryId();
        Files.writeString(keyset.file(), "half-writ", StandardCharsets.UTF_8);
        assertThat(keyset.refresh()).isFalse();
        assertThat(keyset.primaryId()).isEqualTo(primary);
    }

    @Test
    void the_associated_data_binds_tenant_kind_and_id_hash() throws Exception {
        VaultCipher cipher = new VaultCipher(VaultKeyset.of(VaultKeyset.generateJson()));
        ScopeKey a = new ScopeKey("tenant-a", "conversation", "ab");
        byte[] sealed = cipher.seal(a, new byte[]{9}).ciphertext();
        for (ScopeKey other : new ScopeKey[]{new ScopeKey("tenant-b", "conversation", "ab"),
                new ScopeKey("tenant-a", "patient", "ab"), new ScopeKey("tenant-a", "conversation", "ac"),
                new ScopeKey("tenant-", "aconversation", "ab")}) {
            assertThatThrownBy(() -> cipher.open(other, sealed)).isInstanceOf(
                    java.security.GeneralSecurityException.class);
        }
        assertThat(cipher.open(a, sealed)).containsExactly(9);
    }

    @Test
    void settings_are_validated_with_the_setting_name() {
        assertThatThrownBy(() -> settings().withRetention(Duration.ofMinutes(5)))
                .hasMessageContaining("vault.retention");
        assertThatThrownBy(() -> settings().withKeyset("BAD-NAME", null)).hasMessageContaining("vault.keysetEnv");
        assertThatThrownBy(() -> settings().withKeyset(null, null)).hasMessageContaining("vault.keysetFile");
        assertThatThrownBy(() -> settings().withCacheScopes(-1)).hasMessageContaining("vault.cacheScopes");
        assertThat(VaultSettings.defaults(dir).retention()).isEqualTo(Duration.ofDays(30));
    }
}
