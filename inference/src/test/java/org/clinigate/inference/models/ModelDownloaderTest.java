package org.clinigate.inference.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloaderTest {

    static final String REPO = "acme/tiny-GGUF";
    static final String FILE = "tiny-Q4_K_M.gguf";
    static final byte[] DATA = FakeHub.bytes(3 * 1024 * 1024 + 17, 42);
    static final String SHA = FakeHub.sha256(DATA);

    @TempDir
    Path dir;
    FakeHub hub;
    final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        hub.serve(REPO, FILE, DATA);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    PullSettings settings(String token) {
        return new PullSettings(PullSettings.uri(hub.endpoint()), dir, token, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 4, Duration.ofMillis(1));
    }

    PullResult pull(ModelSpec spec, PullSettings s) {
        try (ModelDownloader d = new ModelDownloader(s, DownloadProgress.none(), notices::add)) {
            return d.pull(spec);
        }
    }

    static ModelSpec spec() {
        return ModelSpec.custom(REPO, FILE);
    }

    Path target() {
        return dir.resolve(FILE);
    }

    @Test
    void downloads_checks_the_given_sha256_and_moves_the_file_into_place() throws IOException {
        PullResult r = pull(spec().withSha256(SHA), settings(null));

        assertThat(r.check()).isEqualTo(PullResult.Check.GIVEN);
        assertThat(r.bytes()).isEqualTo(DATA.length);
        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(Files.readString(dir.resolve(FILE + ".sha256"))).isEqualTo(SHA + "  " + FILE + "\n");
        assertThat(dir.resolve(FILE + ".partial")).doesNotExist();
        assertThat(dir.resolve(FILE + ".partial.meta")).doesNotExist();
    }

    @Test
    void follows_the_redirect_to_the_cdn_and_takes_the_sha256_from_the_linked_etag() throws IOException {
        hub.viaCdn = true;

        PullResult r = pull(spec(), settings(null));

        assertThat(r.check()).isEqualTo(PullResult.Check.HUGGING_FACE);
        assertThat(r.sha256()).isEqualTo(SHA);
        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(hub.seenBy("cdn")).hasSize(1);
    }

    @Test
    void sends_the_token_to_the_hub_but_never_to_the_cdn_it_redirects_to() {
        hub.viaCdn = true;
        hub.requiredToken = "hf_abcdefSECRET";

        pull(spec(), settings("hf_abcdefSECRET"));

        assertThat(hub.seenBy("hub")).extracting(FakeHub.Seen::authorization).containsOnly("Bearer hf_abcdefSECRET");
        assertThat(hub.seenBy("cdn")).isNotEmpty().extracting(FakeHub.Seen::authorization).containsOnlyNulls();
    }

    @Test
    void explains_hf_token_and_the_terms_of_use_when_access_is_refused() {
        hub.requiredToken = "hf_right";

        assertThatThrownBy(() -> pull(spec(), settings(null))).isInstanceOfSatisfying(ClinigateException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CG_1010);
            assertThat(e.getMessage()).contains("HTTP 401", "HF_TOKEN is not set", "/settings/tokens",
                    "accept the model's terms", hub.endpoint() + "/" + REPO);
        });
        assertThatThrownBy(() -> pull(spec(), settings("hf_wrong")))
                .hasMessageContaining("HTTP 403").hasMessageContaining("HF_TOKEN is set but was refused");
        assertThat(dir.resolve(FILE + ".partial")).doesNotExist();
    }

    @Test
    void reports_an_unknown_repository_or_file_as_404() {
        assertThatThrownBy(() -> pull(ModelSpec.custom(REPO, "missing.gguf"), settings(null)))
                .isInstanceOfSatisfying(ClinigateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CG_1010))
                .hasMessageContaining("HTTP 404").hasMessageContaining("missing.gguf").hasMessageContaining(REPO);
    }

    @Test
    void resumes_with_a_range_after_the_connection_drops_halfway_and_the_hash_matches() throws IOException {
        hub.viaCdn = true;
        hub.dropAfterBytes = DATA.length / 2;
        hub.drops.set(1);

        PullResult r = pull(spec(), settings(null));

        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(r.sha256()).isEqualTo(SHA);
        List<FakeHub.Seen> cdn = hub.seenBy("cdn");
        assertThat(cdn).hasSize(2);
        assertThat(cdn.get(0).range()).isNull();
        assertThat(cdn.get(1).range()).matches("bytes=[1-9][0-9]*-");
        assertThat(notices).anyMatch(n -> n.contains("try 2 of 4"));
    }

    @Test
    void resumes_a_partial_left_by_an_earlier_run_after_hashing_what_is_there() throws IOException {
        int half = DATA.length / 2;
        Files.write(dir.resolve(FILE + ".partial"), java.util.Arrays.copyOf(DATA, half));
        writeMeta(REPO, "main", FILE);

        PullResult r = pull(spec().withSha256(SHA), settings(null));

        assertThat(r.sha256()).isEqualTo(SHA);
        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(hub.seenBy("hub")).singleElement().extracting(FakeHub.Seen::range).isEqualTo("bytes=" + half + "-");
        assertThat(notices).anyMatch(n -> n.startsWith("resuming " + FILE));
    }

    @Test
    void starts_again_from_zero_when_the_server_ignores_the_range() throws IOException {
        Files.write(dir.resolve(FILE + ".partial"), java.util.Arrays.copyOf(DATA, 1000));
        writeMeta(REPO, "main", FILE);
        hub.ignoresRange = true;

        pull(spec().withSha256(SHA), settings(null));

        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(hub.seenBy("hub")).singleElement().extracting(FakeHub.Seen::range).isEqualTo("bytes=1000-");
        assertThat(notices).anyMatch(n -> n.contains("ignored the range"));
    }

    @Test
    void discards_a_partial_from_another_repository_instead_of_resuming_it() throws IOException {
        Files.write(dir.resolve(FILE + ".partial"), FakeHub.bytes(5000, 7));
        writeMeta("other/repo", "main", FILE);

        pull(spec().withSha256(SHA), settings(null));

        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(hub.seenBy("hub")).singleElement().extracting(FakeHub.Seen::range).isNull();
    }

    @Test
    void takes_a_416_for_a_whole_partial_as_complete_and_checks_it() throws IOException {
        Files.write(dir.resolve(FILE + ".partial"), DATA);
        writeMeta(REPO, "main", FILE);

        PullResult r = pull(spec().withSha256(SHA), settings(null));

        assertThat(r.sha256()).isEqualTo(SHA);
        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(hub.seenBy("hub")).singleElement().extracting(FakeHub.Seen::range)
                .isEqualTo("bytes=" + DATA.length + "-");
    }

    @Test
    void starts_again_when_a_416_shows_the_partial_is_longer_than_the_file() throws IOException {
        byte[] longer = java.util.Arrays.copyOf(DATA, DATA.length + 100);
        Files.write(dir.resolve(FILE + ".partial"), longer);
        writeMeta(REPO, "main", FILE);

        pull(spec().withSha256(SHA), settings(null));

        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(hub.seenBy("hub")).extracting(FakeHub.Seen::range).containsExactly("bytes=" + longer.length + "-",
                null);
    }

    @Test
    void removes_the_partial_and_fails_clearly_when_the_sha256_is_wrong() {
        String wrong = "0".repeat(64);

        assertThatThrownBy(() -> pull(spec().withSha256(wrong), settings(null)))
                .isInstanceOfSatisfying(ClinigateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_1011);
                    assertThat(e.getMessage()).contains(FILE, SHA, wrong, "removed");
                });
        assertThat(target()).doesNotExist();
        assertThat(dir.resolve(FILE + ".partial")).doesNotExist();
        assertThat(dir.resolve(FILE + ".sha256")).doesNotExist();
    }

    @Test
    void fails_the_check_when_the_bytes_differ_from_the_sha256_hugging_face_states() {
        hub.viaCdn = true;
        hub.statedSha256 = "ab".repeat(32);

        assertThatThrownBy(() -> pull(spec(), settings(null))).hasMessageContaining("CG-1011")
                .hasMessageContaining("as Hugging Face states");
        assertThat(dir.resolve(FILE + ".partial")).doesNotExist();
    }

    @Test
    void records_a_computed_sha256_as_unverified_and_warns_when_none_is_known() throws IOException {
        hub.viaCdn = true;
        hub.statesSha256 = false;

        PullResult r = pull(spec(), settings(null));

        assertThat(r.check()).isEqualTo(PullResult.Check.NONE);
        assertThat(Files.readString(dir.resolve(FILE + ".sha256-unverified"))).startsWith(SHA);
        assertThat(dir.resolve(FILE + ".sha256")).doesNotExist();
        assertThat(notices).anyMatch(n -> n.startsWith("warning: no sha256 was known") && n.contains(SHA));
    }

    @Test
    void gives_up_after_its_retries_and_keeps_the_partial_for_a_later_run() throws IOException {
        hub.dropAfterBytes = 256 * 1024;
        hub.drops.set(100);

        assertThatThrownBy(() -> pull(spec().withSha256(SHA), settings(null)))
                .isInstanceOfSatisfying(ClinigateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CG_1012);
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).contains("after 4 tries", "run the command again to resume");
                });
        long kept = Files.size(dir.resolve(FILE + ".partial"));
        assertThat(kept).isBetween(1L, DATA.length - 1L);

        hub.drops.set(0);
        pull(spec().withSha256(SHA), settings(null));
        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(hub.seen.get(hub.seen.size() - 1).range()).isEqualTo("bytes=" + kept + "-");
    }

    @Test
    void retries_when_the_server_goes_silent_mid_body() throws IOException {
        hub.dropAfterBytes = DATA.length / 3;
        hub.stalls.set(1);
        PullSettings s = settings(null).withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));

        pull(spec().withSha256(SHA), s);

        assertThat(Files.readAllBytes(target())).isEqualTo(DATA);
        assertThat(notices).anyMatch(n -> n.startsWith("no data for"));
    }

    @Test
    void refuses_to_start_when_the_disk_has_too_little_space() {
        PullSettings s = settings(null);
        try (ModelDownloader d = new ModelDownloader(s, DownloadProgress.none(), notices::add, p -> 1000)) {
            assertThatThrownBy(() -> d.pull(spec())).isInstanceOfSatisfying(ClinigateException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CG_1007))
                    .hasMessageContaining("not enough disk space");
        }
        assertThat(target()).doesNotExist();
        assertThat(dir.resolve(FILE + ".partial")).doesNotExist();
    }

    @Test
    void does_not_download_again_a_file_it_has_verified() {
        pull(spec().withSha256(SHA), settings(null));
        int requests = hub.seen.size();

        PullResult again = pull(spec().withSha256(SHA), settings(null));

        assertThat(again.alreadyPresent()).isTrue();
        assertThat(again.check()).isEqualTo(PullResult.Check.RECORDED);
        assertThat(hub.seen).hasSize(requests);
    }

    @Test
    void checks_a_file_put_there_by_hand_against_the_hub_without_downloading_it_again() throws IOException {
        hub.viaCdn = true;
        Files.write(target(), DATA);

        PullResult r = pull(spec(), settings(null));

        assertThat(r.check()).isEqualTo(PullResult.Check.HUGGING_FACE);
        assertThat(dir.resolve(FILE + ".sha256")).exists();
        assertThat(hub.seenBy("cdn")).singleElement().extracting(FakeHub.Seen::range)
                .isEqualTo("bytes=" + DATA.length + "-");
    }

    private void writeMeta(String repo, String revision, String file) throws IOException {
        Properties p = new Properties();
        p.setProperty("repo", repo);
        p.setProperty("revision", revision);
        p.setProperty("file", file);
        try (var w = Files.newBufferedWriter(dir.resolve(FILE + ".partial.meta"))) {
            p.store(w, null);
        }
    }
}
