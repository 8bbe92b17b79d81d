package org.clinigate.knowledge.terminology;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the project-written terminology fixtures in {@code src/test/resources/knowledge/terminology}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/knowledge/terminology/" + name);
        if (url == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static IcdCodeSet icd() {
        return IcdImporter.readOrderFile(path("icd10cm_order_fixture.txt"));
    }

    public static RxNormSet rxnorm() {
        return RxNormImporter.readConso(path("RXNCONSO-fixture.RRF"));
    }

    public static SnomedConcepts snomed() {
        return SnomedImporter.read(path("sct2_Description_Snapshot-en_FIXTURE_20200131.txt"), path(
                "sct2_Relationship_Snapshot_FIXTURE_20200131.txt"));
    }
}
