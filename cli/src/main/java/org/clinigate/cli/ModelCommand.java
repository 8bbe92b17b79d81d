package org.clinigate.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.inference.models.ModelCatalog;
import org.clinigate.inference.models.ModelDownloader;
import org.clinigate.inference.models.ModelInventory;
import org.clinigate.inference.models.ModelSpec;
import org.clinigate.inference.models.ProgressBar;
import org.clinigate.inference.models.PullResult;
import org.clinigate.inference.models.PullSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "model", mixinStandardHelpOptions = true, description = "Download GGUF model files from Hugging Face "
        + "and list those in the models directory.", subcommands = {ModelCommand.Pull.class,
                ModelCommand.ListModels.class})
final class ModelCommand implements Runnable {

    /** The environment the sub-commands read; tests put a fake hub and token here. */
    static Map<String, String> environment = System.getenv();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static PullSettings settings(Path dir, String endpoint) {
        PullSettings s = PullSettings.fromEnvironment(environment);
        s = dir == null ? s : s.withModelsDir(dir);
        return endpoint == null ? s : s.withEndpoint(endpoint);
    }

    @Command(name = "pull", mixinStandardHelpOptions = true, description = "Download a GGUF file into the models "
            + "directory: resumes an interrupted download, checks its sha256, then moves it into place. Gated models "
            + "need HF_TOKEN in the environment (never on the command line) and their terms accepted on Hugging Face.")
    static final class Pull implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "ID", description = "A catalogue id: medgemma-4b-it or "
                + "medgemma-27b-text-it (see `clinigate model list`). Without it, give --repo and --file.")
        String id;

        @Option(names = "--repo", description = "Hugging Face repository, owner/name; overrides the catalogue's.")
        String repo;

        @Option(names = "--file", description = "GGUF file name in the repository; overrides the catalogue's.")
        String file;

        @Option(names = "--revision", description = "Branch, tag or commit to download from (default: the "
                + "catalogue's, or main).")
        String revision;

        @Option(names = "--sha256", description = "Expected sha256; otherwise the catalogue's, or the one Hugging "
                + "Face states.")
        String sha256;

        @Option(names = "--dir", description = "Models directory (default: $CLINIGATE_MODELS_DIR, or ./models).")
        Path dir;

        @Option(names = "--endpoint", description = "Hugging Face endpoint or mirror (default: "
                + "$CLINIGATE_HF_ENDPOINT, or https://huggingface.co).")
        String endpoint;

        @Option(names = "--retries", defaultValue = "5", description = "Retries after a network failure, each "
                + "resuming where the last stopped (default: ${DEFAULT-VALUE}).")
        int retries;

        @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
        boolean quiet;

        @Override
        public Integer call() {
            PullSettings s = settings(dir, endpoint);
            s = s.withRetries(retries, s.backoff());
            ModelSpec m = resolve();
            if (m.licence() != null) {
                System.err.println("clinigate: " + m.licence());
                System.err.println("clinigate: model page: " + m.page(s.endpoint().toString()));
            }
            if (m.gated() && s.token() == null) {
                System.err.println("clinigate: HF_TOKEN is not set; if Hugging Face refuses, create a read token, "
                        + "export HF_TOKEN and accept the terms on the model page");
            }
            PullResult r;
            try (ModelDownloader d = new ModelDownloader(s, ProgressBar.forStderr(quiet),
                    n -> System.err.println("clinigate: " + n))) {
                r = d.pull(m);
            }
            System.out.printf(Locale.ROOT, "%s  %s  sha256 %s (%s)%n", r.file(), size(r.bytes()), r.sha256(),
                    switch (r.check()) {
                        case GIVEN -> "verified against the expected value";
                        case HUGGING_FACE -> "verified against Hugging Face";
                        case RECORDED -> "already downloaded and verified";
                        case NONE -> "NOT verified: computed only";
                    });
            return 0;
        }

        private ModelSpec resolve() {
            ModelCatalog catalog = ModelCatalog.builtIn();
            Optional<ModelSpec> known = id == null ? Optional.empty() : catalog.find(id);
            if (known.isEmpty() && (repo == null || file == null)) {
                if (id != null) {
                    catalog.require(id); // fails with CG-1001, naming the known ids
                }
                throw new ClinigateException(ErrorCode.CG_1001, "give a model id (see `clinigate model list`) "
                        + "or both --repo and --file");
            }
            ModelSpec m = known.isPresent() ? known.get() : ModelSpec.custom(repo, file);
            m = repo == null ? m : m.withRepo(repo);
            m = file == null || known.isEmpty() ? m : m.withFile(file);
            m = revision == null ? m : m.withRevision(revision);
            return sha256 == null ? m : m.withSha256(sha256);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the catalogue's models and any "
            + "other GGUF file in the models directory: downloaded (size, whether its sha256 was verified), partial "
            + "(percent; `model pull` resumes it), or not downloaded.")
    static final class ListModels implements Callable<Integer> {

        @Option(names = "--dir", description = "Models directory (default: $CLINIGATE_MODELS_DIR, or ./models).")
        Path dir;

        @Override
        public Integer call() {
            PullSettings s = settings(dir, null);
            var entries = new ModelInventory(ModelCatalog.builtIn(), s.modelsDir()).list();
            String format = "%-22s %-36s %s%n";
            System.out.printf(Locale.ROOT, format, "ID", "FILE", "STATUS");
            for (ModelInventory.Entry e : entries) {
                System.out.printf(Locale.ROOT, format, e.id() == null ? "-" : e.id(), e.file(), status(e.state()));
            }
            System.out.println("models directory: " + s.modelsDir().toAbsolutePath().normalize());
            return 0;
        }

        static String status(ModelInventory.State state) {
            return switch (state) {
                case ModelInventory.Downloaded d -> "downloaded, " + size(d.bytes()) + ", "
                        + (d.verified()
                                ? "sha256 verified"
                                : d.sha256() != null ? "sha256 not verified (computed only)" : "no sha256 record");
                case ModelInventory.Partial p -> p.percent() >= 0
                        ? String.format(Locale.ROOT, "partial, %.1f%% (%s)", p.percent(), size(p.bytes()))
                        : "partial, " + size(p.bytes());
                case ModelInventory.Missing m -> "not downloaded";
            };
        }
    }

    static String size(long bytes) {
        return bytes < 1_000_000 ? bytes + " B" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
