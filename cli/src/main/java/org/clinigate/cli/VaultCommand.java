package org.clinigate.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.store.Store;
import org.clinigate.store.StoreConfig;
import org.clinigate.store.vault.JdbcPhiVault;
import org.clinigate.store.vault.RewrapReport;
import org.clinigate.store.vault.VaultKeyset;
import org.clinigate.store.vault.VaultSettings;
import org.clinigate.store.vault.VaultStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Operator commands for the encrypted PHI vault. They print counts, key ids and settings, never PHI. */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "Keys, retention and counts of the "
        + "encrypted PHI vault. Never prints PHI.", subcommands = {VaultCommand.Stats.class, VaultCommand.Rotate.class,
                VaultCommand.Promote.class, VaultCommand.Rewrap.class, VaultCommand.Purge.class})
final class VaultCommand implements Runnable {

    private static final Pattern AGE = Pattern.compile("([0-9]{1,6})([dhm])");

    @Override
    public void run() {
        System.out.println("usage: clinigate vault stats | rotate [--stage] [--rewrap] | promote KEY_ID | rewrap"
                + " | purge [--older-than 30d]   (each takes --config clinigate.yaml)");
    }

    static StoreConfig storeConfig(Path config) {
        return Application.storeConfig(new ConfigLoader().load(config, System.getenv()));
    }

    /** {@code 30d}, {@code 12h}, {@code 90m} or an ISO-8601 duration such as {@code P30D}; positive. */
    static Duration parseAge(String text) {
        Matcher m = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
        Duration age;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            age = switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> throw new UnsupportedOperationException(m.group(2));
            };
        } else {
            try {
                age = Duration.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new ClinigateException(ErrorCode.CG_1001, "--older-than must look like 30d, 12h, 90m or P30D");
            }
        }
        if (age.isNegative() || age.isZero()) {
            throw new ClinigateException(ErrorCode.CG_1001, "--older-than must be positive");
        }
        return age;
    }

    static void printRewrap(RewrapReport r) {
        System.out.println("re-encrypted " + r.rewrapped() + " scopes under key " + r.primaryKeyId() + "; "
                + r.changedMeanwhile() + " changed meanwhile; " + r.undecryptable() + " do not decrypt");
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Count scopes (all, expired, per key) "
            + "and list the keyset's keys.")
    static final class Stats implements Callable<Integer> {
        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its database and vault settings.")
        Path config;

        @Override
        public Integer call() {
            try (Store store = Store.open(storeConfig(config))) {
                VaultStats s = store.phiVault().stats();
                System.out.println("scopes: " + s.scopes() + " (expired: " + s.expired() + ", retention "
                        + s.retention().toDays() + " days)");
                System.out.println("keyset: " + s.keysetSource() + ", " + s.keys().size() + " keys");
                for (VaultKeyset.KeyInfo k : s.keys()) {
                    System.out.printf("key %-10d %-8s %-7s scopes %d%n", k.id(), k.primary() ? "primary" : "",
                            k.status(), s.scopesByKey().getOrDefault(k.id(), 0L));
                }
                for (Map.Entry<Long, Long> e : s.scopesByKey().entrySet()) {
                    if (s.keys().stream().noneMatch(k -> k.id() == e.getKey())) {
                        System.out.println("key " + e.getKey() + " (not in the keyset) scopes " + e.getValue());
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, description = "Add a fresh AES-256-GCM key to the "
            + "keyset file and make it the primary; old keys still decrypt. Running gateways pick it up within 30 s.")
    static final class Rotate implements Callable<Integer> {
        @Option(names = "--stage", description = "Add the key without making it primary (for instances that each "
                + "hold a copy of the file): copy the file everywhere, then run vault promote.")
        boolean stage;

        @Option(names = "--rewrap", description = "Then re-encrypt every scope under the new primary.")
        boolean rewrap;

        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its vault settings.")
        Path config;

        @Override
        public Integer call() {
            StoreConfig sc = storeConfig(config);
            Path file = keysetFile(sc.vault());
            long id = VaultKeyset.rotate(file, !stage);
            System.out.println("added key " + id + " to " + file + (stage
                    ? "; it decrypts only: once every instance has this file, run: clinigate vault promote " + id
                    : "; it is now the primary"));
            if (rewrap && !stage) {
                try (Store store = Store.open(sc)) {
                    printRewrap(store.phiVault().rewrap());
                }
            }
            return 0;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a key of the keyset file its "
            + "primary (after rotate --stage).")
    static final class Promote implements Callable<Integer> {
        @Parameters(index = "0", description = "The key id, from vault rotate or vault stats.")
        long keyId;

        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its vault settings.")
        Path config;

        @Override
        public Integer call() {
            Path file = keysetFile(storeConfig(config).vault());
            VaultKeyset.promote(file, keyId);
            System.out.println("key " + keyId + " is now the primary of " + file);
            return 0;
        }
    }

    @Command(name = "rewrap", mixinStandardHelpOptions = true, description = "Re-encrypt every scope not sealed by "
            + "the primary key; gateways may keep running. Exit 1 when some scope does not decrypt.")
    static final class Rewrap implements Callable<Integer> {
        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its database and vault settings.")
        Path config;

        @Override
        public Integer call() {
            try (Store store = Store.open(storeConfig(config))) {
                RewrapReport r = store.phiVault().rewrap();
                printRewrap(r);
                return r.undecryptable() == 0 ? 0 : 1;
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, description = "Delete every scope not used for "
            + "longer than the retention period (or --older-than) and print how many.")
    static final class Purge implements Callable<Integer> {
        @Option(names = "--older-than", description = "Age of last use, like 30d, 12h or 90m; default: the "
                + "configured retention.")
        String olderThan;

        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its database and vault settings.")
        Path config;

        @Override
        public Integer call() {
            StoreConfig sc = storeConfig(config);
            Duration age = olderThan == null ? sc.vault().retention() : parseAge(olderThan);
            Instant cutoff = Instant.now().minus(age);
            try (Store store = Store.open(sc)) {
                JdbcPhiVault vault = store.phiVault();
                int purged = vault.purgeUnusedSince(cutoff);
                System.out.println("purged " + purged + " scopes unused since " + cutoff);
                return 0;
            }
        }
    }

    /** The keyset file, refusing when the keyset actually comes from the environment variable. */
    private static Path keysetFile(VaultSettings settings) {
        String env = settings.keysetEnv();
        if (env != null && System.getenv(env) != null && !System.getenv(env).isBlank()) {
            throw new ClinigateException(ErrorCode.CG_1001, "the vault keyset comes from " + env + ", which this "
                    + "command cannot change: add a key with Tinkey (tinkey add-key, then promote-key) and update "
                    + "the variable on every instance");
        }
        if (settings.keysetFile() == null) {
            throw new ClinigateException(ErrorCode.CG_1001, "vault.keysetFile is not configured");
        }
        return settings.keysetFile();
    }
}
