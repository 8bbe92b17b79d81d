package org.clinigate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.server.config.GatewayConfig;
import org.clinigate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the tamper-evident audit log.", subcommands = {
        AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: clinigate audit verify [--config clinigate.yaml]");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Walk the whole chain: exit 0 when it "
            + "is intact; otherwise exit 1 and name the first changed, deleted, inserted or reordered record.")
    static final class Verify implements Callable<Integer> {

        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its database settings.")
        Path config;

        @Override
        public Integer call() {
            GatewayConfig c = new ConfigLoader().load(config, System.getenv());
            try (Store store = Store.open(Application.storeConfig(c))) {
                VerifyReport report = store.auditLog().verify();
                System.out.println(report.describe());
                return report.ok() ? 0 : 1;
            }
        }
    }
}
