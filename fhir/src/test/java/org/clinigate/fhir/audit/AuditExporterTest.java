package org.clinigate.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinigate.core.audit.AuditOutcome;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExporterTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final AuditExporter exporter = new AuditExporter(new BalpAuditEvents("clinigate@test", "127.0.0.1"));

    private static ListAuditLog logOf(int n) {
        var log = new ListAuditLog();
        for (int i = 0; i < n; i++) {
            log.append(BalpAuditEventsTest.chat(i % 7 == 0 ? AuditOutcome.DENIED : AuditOutcome.ALLOWED,
                    i % 7 == 0 ? 401 : 200, i % 7 == 0 ? "CG-3001" : null));
        }
        return log;
    }

    @Test
    void ndjsonHasOneParsableResourcePerRecordAcrossPages(@TempDir Path dir) throws IOException {
        int n = AuditExporter.PAGE * 2 + 17;
        Path out = dir.resolve("audit.ndjson");

        var result = exporter.exportTo(logOf(n), 1, Long.MAX_VALUE, AuditExporter.Format.NDJSON, out);

        assertThat(result).isEqualTo(new AuditExporter.Result(n, 1, n));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(n);
        var parser = FHIR.newJsonParser();
        for (int i = 0; i < n; i += 97) {
            var event = parser.parseResource(AuditEvent.class, lines.get(i));
            assertThat(event.getIdPart()).isEqualTo("clinigate-audit-" + (i + 1));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void aRangeExportsOnlyThatRange() throws IOException {
        var text = new StringWriter();
        var result = exporter.export(logOf(50), 10, 20, AuditExporter.Format.NDJSON, text);
        assertThat(result).isEqualTo(new AuditExporter.Result(11, 10, 20));
        assertThat(text.toString().lines()).hasSize(11).first().asString().contains("clinigate-audit-10");
    }

    @Test
    void aBundleIsACollectionWithStableFullUrls() throws IOException {
        var first = new StringWriter();
        var again = new StringWriter();
        var log = logOf(12);
        exporter.export(log, 1, Long.MAX_VALUE, AuditExporter.Format.BUNDLE, first);
        exporter.export(log, 1, Long.MAX_VALUE, AuditExporter.Format.BUNDLE, again);

        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, first.toString());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).hasSize(12).allSatisfy(e -> {
            assertThat(e.getResource()).isInstanceOf(AuditEvent.class);
            assertThat(e.getFullUrl()).startsWith("urn:uuid:");
        });
        assertThat(again.toString()).isEqualTo(first.toString());
    }

    @Test
    void aLogThatFailsMidExportLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        var log = logOf(AuditExporter.PAGE * 3);
        log.failFrom(AuditExporter.PAGE + 1);
        Path out = dir.resolve("audit.ndjson");

        assertThatThrownBy(() -> exporter.exportTo(log, 1, Long.MAX_VALUE, AuditExporter.Format.NDJSON, out))
                .hasMessageContaining("database went away");

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anEmptyLogExportsAnEmptyFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("none.ndjson");
        assertThat(exporter.exportTo(new ListAuditLog(), 1, Long.MAX_VALUE, AuditExporter.Format.NDJSON, out))
                .isEqualTo(new AuditExporter.Result(0, 0, 0));
        assertThat(Files.size(out)).isZero();
    }

    @Test
    void anInvertedRangeIsRefused() {
        assertThatThrownBy(() -> exporter.export(logOf(1), 5, 2, AuditExporter.Format.NDJSON, new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
