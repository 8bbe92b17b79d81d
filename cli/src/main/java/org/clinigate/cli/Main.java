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
        System.exit(execute(args));
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
