package org.clinigate.knowledge.starter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.SourceDocument;
import org.clinigate.knowledge.ingest.Importers;

/**
 * The starter corpus bundled in this jar: short guideline summaries written by the Clinigate project in its own
 * words, each headed by the public guideline it summarizes and marked "demo content, not authoritative". It lets
 * the embedded default answer questions out of the box; real corpora are imported by the user. Source ids start
 * with {@code starter-}.
 */
public final class StarterCorpus {

    /** Where the corpus lies on the class path. */
    public static final String RESOURCE_DIR = "/knowledge/starter/";

    /** Every source id of the starter corpus begins with this. */
    public static final String ID_PREFIX = "starter-";

    private StarterCorpus() {
    }

    /** The documents of the starter corpus, in the order of its index. Fails with CG-1009 when a file is missing. */
    public static List<SourceDocument> documents() {
        Importers importers = new Importers();
        List<SourceDocument> out = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            SourceDocument doc = importers.read(name, read(name).getBytes(StandardCharsets.UTF_8), ID_PREFIX
                    + Importers.idFromFileName(name));
            out.add(doc);
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = StarterCorpus.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new ClinigateException(ErrorCode.CG_1009, "starter corpus file missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_1009, "starter corpus file unreadable: " + name, e);
        }
    }
}
