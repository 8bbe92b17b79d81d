package org.clinigate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinigate.core.auth.ApiKeys;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys.", subcommands = {
        KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: clinigate keys create --tenant T --role R | keys list | keys revoke ID");
    }

    static Store open(Path config) {
        return Store.open(Application.storeConfig(new ConfigLoader().load(config, System.getenv())));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print it once; only "
            + "its hash is stored.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--tenant", required = true, description = "Tenant the key acts for.")
        String tenant;

        @Option(names = "--role", required = true, description = "clinician, reviewer, researcher or admin.")
        String role;

        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its database settings.")
        Path config;

        @Override
        public Integer call() {
            try (Store store = open(config)) {
                ApiKeys.Created k = store.apiKeys().create(tenant, role);
                System.out.println(k.secret());
                System.err.println("key " + k.info().id() + " for tenant " + tenant + ", role " + role
                        + ": shown once, store it now");
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (ids, tenants, roles, prefixes).")
    static final class ListKeys implements Callable<Integer> {
        @Option(names = "--config", description = "The gateway's clinigate.yaml.")
        Path config;

        @Override
        public Integer call() {
            try (Store store = open(config)) {
                for (ApiKeys.KeyInfo k : store.apiKeys().list()) {
                    System.out.printf("%s  %-16s %-11s cg_%s…  %s%n", k.id(), k.tenant(), k.role(), k.prefix(),
                            k.active() ? "active" : "revoked " + k.revoked());
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by id; the gateway "
            + "refuses it within 5 seconds.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", description = "The key's id (from keys list).")
        String id;

        @Option(names = "--config", description = "The gateway's clinigate.yaml.")
        Path config;

        @Override
        public Integer call() {
            try (Store store = open(config)) {
                boolean done = store.apiKeys().revoke(id);
                System.out.println(done ? "revoked " + id : "no active key with that id");
                return done ? 0 : 1;
            }
        }
    }
}
