package org.clinigate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clinigate.core.audit.VerifyReport;
import org.clinigate.fhir.audit.AuditExporter;
import org.clinigate.fhir.audit.BalpAuditEvents;
import org.clinigate.server.Application;
import org.clinigate.server.config.ConfigLoader;
import org.clinigate.server.config.GatewayConfig;
import org.clinigate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check and export the tamper-evident audit log.", subcommands = {
        AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: clinigate audit verify [--config clinigate.yaml]");
        System.out.println(
                "       clinigate audit export --fhir --out FILE [--format ndjson|bundle] [--from N] [--to N]");
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

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the audit chain as FHIR R4 "
            + "AuditEvent resources following IHE BALP (NDJSON, one resource per line, or one Bundle). The chain is "
            + "verified first; a broken chain is not exported unless --force. Prompt and answer text are never "
            + "exported, only their SHA-256.")
    static final class Export implements Callable<Integer> {

        @Option(names = "--fhir", required = true, description = "Export as FHIR R4 AuditEvents (the only format).")
        boolean fhir;

        @Option(names = "--out", required = true, description = "The file to write; written whole or not at all.")
        Path out;

        @Option(names = "--format", defaultValue = "ndjson", description = "ndjson (default) or bundle.")
        String format;

        @Option(names = "--from", defaultValue = "1", description = "The first sequence number to export.")
        long from;

        @Option(names = "--to", description = "The last sequence number to export (default: the end).")
        Long to;

        @Option(names = "--site", description = "How the gateway names itself in the events (default: "
                + "clinigate@<server.host>).")
        String site;

        @Option(names = "--force", description = "Export even when the chain does not verify.")
        boolean force;

        @Option(names = "--config", description = "The gateway's clinigate.yaml, for its database settings.")
        Path config;

        @Override
        public Integer call() {
            AuditExporter.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "ndjson" -> AuditExporter.Format.NDJSON;
                case "bundle" -> AuditExporter.Format.BUNDLE;
                default -> null;
            };
            if (f == null || from < 1 || to != null && to < from) {
                System.err.println("error: --format must be ndjson or bundle, and 1 <= --from <= --to");
                return 2;
            }
            GatewayConfig c = new ConfigLoader().load(config, System.getenv());
            try (Store store = Store.open(Application.storeConfig(c))) {
                VerifyReport report = store.auditLog().verify();
                if (!report.ok() && !force) {
                    System.err.println(report.describe());
                    System.err.println("error: the chain does not verify; nothing exported (use --force to export "
                            + "anyway)");
                    return 1;
                }
                String host = c.server().host();
                var mapper = new BalpAuditEvents(site != null ? site : "clinigate@" + host, host);
                AuditExporter.Result result = new AuditExporter(mapper).exportTo(store.auditLog(), from,
                        to == null ? Long.MAX_VALUE : to, f, out);
                System.out.printf("exported %d AuditEvent resources (sequence %d to %d) to %s; chain %s%n",
                        result.count(), result.firstSequence(), result.lastSequence(), out,
                        report.ok() ? "intact" : "BROKEN (forced)");
                return 0;
            }
        }
    }
}
