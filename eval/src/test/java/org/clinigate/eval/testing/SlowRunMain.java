package org.clinigate.eval.testing;

import java.nio.file.Path;
import org.clinigate.eval.Evaluation;
import org.clinigate.eval.bench.LoopbackModel;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.run.HttpChat;
import org.clinigate.eval.run.Runner;

/**
 * A child process for the kill test: runs (or resumes) a choice suite against a loopback model that takes 25 ms per
 * answer, so that the parent can kill it midway with SIGKILL. Arguments: suite file, run directory.
 */
public final class SlowRunMain {

    private SlowRunMain() {
    }

    public static void main(String[] args) {
        try (LoopbackModel model = LoopbackModel.start(p -> "Answer: " + Suites.letter(Suites.number(p)), 25);
                HttpChat chat = new HttpChat(model.url(), null, java.time.Duration.ofSeconds(30))) {
            Evaluation.Spec spec = new Evaluation.Spec(Path.of(args[0]), null, Path.of(args[1]), "raw", 0, true,
                    new Runner.Settings("slow", 2, 32, 0.0, null, null));
            Evaluation.run(spec, Evaluation.load(spec), chat, Grading.defaults(null));
        }
    }
}
