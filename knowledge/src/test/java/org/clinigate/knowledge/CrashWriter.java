package org.clinigate.knowledge;

import java.nio.file.Path;
import org.clinigate.knowledge.embed.HashingEmbedder;

/**
 * The child process of {@link CrashRecoveryIT}: commits one document, writes more without committing (flushed to
 * new segment files by the near-real-time refresh), says READY, and waits to be killed.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        KnowledgeIndex index = KnowledgeIndex.open(Path.of(args[0]), new HashingEmbedder(64));
        index.add(SourceDocument.plain("committed", SourceMetadata.titled("Committed"), "INR 2 to 3 for warfarin."));
        index.commit();
        for (int i = 0; i < 200; i++) {
            index.add(SourceDocument.plain("uncommitted-" + i, SourceMetadata.titled("Uncommitted"),
                    "Lactate and antibiotics within an hour, copy " + i + "."));
        }
        index.remove("committed");
        if (index.chunkCount() != 200) {
            throw new IllegalStateException("the uncommitted documents should be visible before the crash");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
