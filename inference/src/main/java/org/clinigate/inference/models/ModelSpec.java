package org.clinigate.inference.models;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One GGUF file on Hugging Face: where it lives and how to check it. Invalid values fail with {@link
 * ErrorCode#CG_1001} naming the option ({@code --repo}, {@code --file}, {@code --revision}, {@code --sha256}).
 *
 * @param id the short name used on the command line, for example {@code medgemma-4b-it}
 * @param repo the Hugging Face repository, {@code owner/name}
 * @param revision a branch, tag or commit; {@code main} unless pinned
 * @param file the GGUF file name at the repository's root; also its name in the models directory
 * @param sha256 the expected digest in lower-case hex, or null to take it from Hugging Face
 * @param gated whether Hugging Face may ask for {@code HF_TOKEN} and accepted terms
 * @param licence a one-line licence note shown before downloading, or null
 */
public record ModelSpec(String id, String repo, String revision, String file, String sha256, boolean gated,
        String licence) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
    private static final Pattern REPO = Pattern
            .compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,191}\\.gguf");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ModelSpec {
        check(repo, REPO, "--repo", "owner/name, each 1 to 96 of [A-Za-z0-9._-]");
        check(revision, REVISION, "--revision", "a branch, tag or commit of [A-Za-z0-9._-]");
        check(file, FILE, "--file", "a file name ending in .gguf, without directories");
        if (sha256 != null) {
            sha256 = sha256.toLowerCase(Locale.ROOT);
            check(sha256, HEX64, "--sha256", "64 hexadecimal digits");
        }
        check(id, ID, "model id", "1 to 96 of [A-Za-z0-9._-]");
    }

    /** A file outside the catalogue: {@code --repo} and {@code --file}, named after the file. */
    public static ModelSpec custom(String repo, String file) {
        Objects.requireNonNull(file, "file");
        String id = file.endsWith(".gguf") ? file.substring(0, file.length() - 5) : file;
        return new ModelSpec(id.isEmpty() ? "custom" : id, repo, "main", file, null, false, null);
    }

    public ModelSpec withRepo(String r) {
        return new ModelSpec(id, r, revision, file, sha256, gated, licence);
    }

    public ModelSpec withFile(String f) {
        return new ModelSpec(id, repo, revision, f, null, gated, licence);
    }

    public ModelSpec withRevision(String r) {
        return new ModelSpec(id, repo, r, file, sha256, gated, licence);
    }

    public ModelSpec withSha256(String s) {
        return new ModelSpec(id, repo, revision, file, s, gated, licence);
    }

    /** The page where a person accepts the model's terms. */
    public String page(String endpoint) {
        return stripSlash(endpoint) + "/" + repo;
    }

    static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void check(String value, Pattern pattern, String setting, String allowed) {
        if (value == null || !pattern.matcher(value).matches() || value.contains("..")) {
            throw new ClinigateException(ErrorCode.CG_1001, setting + " must be " + allowed);
        }
    }
}
