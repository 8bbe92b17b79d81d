package org.clinigate.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command line in this process and captures what it printed, for the command tests. */
final class CliRun {

    private CliRun() {
    }

    /** Runs {@code args}; {@code exit[0]} receives the exit code; returns standard output. */
    static String run(int[] exit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit[0] = Main.execute(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
