package org.clinigate.cli;

import org.clinigate.core.error.ClinigateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clinigate} command: sub-commands for de-identification, scoring and benchmarks. */
@Command(name = "clinigate", mixinStandardHelpOptions = true, version = "clinigate 0.1.0", description = "Self-hosted gateway for open-weight medical language models.", subcommands = {
        DeidCommand.class, DeidEvalCommand.class, DeidImportCommand.class, DeidTrainCommand.class, SynthCommand.class,
        ServeCommand.class,
        AuditCommand.class, KeysCommand.class, IndexCommand.class, SearchCommand.class, CheckCommand.class,
        VaultCommand.class, BenchCommand.class, ModelCommand.class, EvalCommand.class, FinetuneCommand.class,
        RegistryCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        httpClientDefaults();
        System.exit(execute(args));
    }

    /**
     * Two settings of the JDK's HTTP client, read once when it is first used, so set before anything runs; a value
     * given with {@code -D} is kept. Model servers close idle keep-alive connections sooner than the client's 30 s
     * (uvicorn, under vLLM, after 5 s); a request sent just as the server closes its connection gets no answer. The
     * client re-sends a GET on a fresh connection then, but not a POST, so the chat call failed over to the backend
     * retry and its back-off (200 ms, then 400 ms). Idle connections are now dropped after 4 s, before such servers
     * drop them, and a POST that got no byte of an answer on a pooled connection is re-sent at once: the same
     * before-the-first-token retry the backend already makes, without the wait (ADR 0006).
     */
    static void httpClientDefaults() {
        defaultProperty("jdk.httpclient.keepalive.timeout", "4");
        defaultProperty("jdk.httpclient.enableAllMethodRetry", "true");
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /** Runs the command line and returns its exit code; errors print their stable code, never input text. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ClinigateException ce) {
                cmd.getErr().println("error: " + ce.getMessage());
                return ce.code().retriable() ? 75 : 65;
            }
            cmd.getErr().println("error: CG-1999: internal error (" + ex.getClass().getSimpleName() + ")");
            return 70;
        });
        return cl.execute(args);
    }
}
