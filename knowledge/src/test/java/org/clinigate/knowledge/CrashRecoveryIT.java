package org.clinigate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clinigate.knowledge.embed.HashingEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL mid-work leaves the index at its last commit, and the index opens again. */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    @Test
    void an_index_killed_with_sigkill_opens_at_its_last_commit() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashWriter.class
                .getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while (!ready && (line = out.readLine()) != null) {
                ready = line.equals("READY");
            }
            assertThat(ready).as("child reached the uncommitted state").isTrue();
            // destroyForcibly is SIGKILL on Unix: no shutdown hooks, no close, no commit.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).as("uncommitted segment files were left behind").isGreaterThan(4);
        }
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, new HashingEmbedder(64))) {
            assertThat(index.list()).extracting(IndexedSource::id).containsExactly("committed");
            assertThat(index.chunkCount()).isEqualTo(1);
            List<Passage> hits = index.search("warfarin INR", 5);
            assertThat(hits).extracting(p -> p.chunk().sourceId()).containsExactly("committed");
            index.add(SourceDocument.plain("after", SourceMetadata.titled("After"), "Written after the crash."));
            index.commit();
        }
        try (KnowledgeIndex index = KnowledgeIndex.open(dir, new HashingEmbedder(64))) {
            assertThat(index.list()).extracting(IndexedSource::id).containsExactly("after", "committed");
        }
    }
}
