package org.clinigate.eval.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.clinigate.core.chat.ChatMessage;
import org.clinigate.core.chat.ChatRequest;
import org.clinigate.core.chat.Role;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.eval.grade.Grade;
import org.clinigate.eval.grade.Grading;
import org.clinigate.eval.grade.Prompts;
import org.clinigate.eval.suite.Item;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends items to a {@link Responder}, at most {@code concurrency} at a time on virtual threads, grades each reply and
 * appends its record to the run's {@link ItemLog} as soon as it is done. Items already finished in the log are
 * skipped; items that ended in an error or a grader error are sent again. A failed item never stops the run.
 */
public final class Runner {

    /**
     * How to send each item.
     *
     * @param model the model name requests carry
     * @param concurrency items in flight at once, 1 to 1024
     * @param maxTokens the most tokens per reply
     * @param temperature sampling temperature (0 for reproducible runs)
     * @param seed a sampling seed, or null
     * @param progress where the progress bar goes, or null for none
     */
    public record Settings(String model, int concurrency, int maxTokens, double temperature, Long seed,
            PrintStream progress) {
        public Settings {
            Objects.requireNonNull(model, "model");
            if (concurrency < 1 || concurrency > 1024) {
                throw new ClinigateException(ErrorCode.CG_1001, "--concurrency must be in [1, 1024]");
            }
            if (maxTokens < 1) {
                throw new ClinigateException(ErrorCode.CG_1001, "--max-tokens must be >= 1");
            }
        }
    }

    /** What one execution did: items sent now, items skipped as already finished, torn lines dropped. */
    public record Stats(int sent, int skipped, int dropped, int errors) {
    }

    private final Responder responder;
    private final Grading grading;
    private final Settings settings;

    public Runner(Responder responder, Grading grading, Settings settings) {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.grading = Objects.requireNonNull(grading, "grading");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Runs {@code items} not yet finished in {@code itemsFile} (whose current contents are {@code before}). */
    public Stats execute(List<Item> items, Path itemsFile, ItemLog.Contents before) {
        Map<String, ItemRecord> done = before.latest();
        List<Item> todo = items.stream().filter(i -> !(done.containsKey(i.id()) && done.get(i.id()).finished()))
                .toList();
        Progress progress = new Progress(settings.progress(), todo.size());
        Semaphore slots = new Semaphore(settings.concurrency());
        AtomicInteger errors = new AtomicInteger();
        try (ItemLog log = ItemLog.open(itemsFile, before);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Item item : todo) {
                slots.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        ItemRecord r = runOne(item);
                        log.append(r);
                        boolean failed = !r.finished();
                        if (failed) {
                            errors.incrementAndGet();
                        }
                        progress.step(failed);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return new Stats(todo.size(), items.size() - todo.size(), before.dropped(), errors.get());
    }

    ItemRecord runOne(Item item) {
        List<ChatMessage> messages = Prompts.messages(item.task());
        ChatRequest request = ChatRequest.builder(settings.model()).messages(messages).temperature(settings
                .temperature()).maxTokens(settings.maxTokens()).seed(settings.seed()).build();
        String prompt = lastUser(messages);
        long t0 = System.nanoTime();
        Reply reply;
        try {
            reply = responder.reply(request);
        } catch (ClinigateException e) {
            return error(item, prompt, e.code().code(), t0);
        } catch (RuntimeException e) {
            return error(item, prompt, ErrorCode.CG_1999.code() + " " + e.getClass().getSimpleName(), t0);
        }
        long latency = (System.nanoTime() - t0) / 1_000_000;
        Grade grade;
        try {
            grade = grading.grade(item.task(), reply.text(), reply.rules(), reply.inputVerdict(), reply
                    .outputVerdict());
        } catch (RuntimeException e) {
            grade = Grade.graderError(ErrorCode.CG_7003.code() + " " + e.getClass().getSimpleName());
        }
        return new ItemRecord(item.id(), item.groups(), prompt, reply.text(), reply.rules(), reply.inputVerdict(),
                reply.outputVerdict(), grade.status(), grade.error(), grade, latency);
    }

    private static ItemRecord error(Item item, String prompt, String code, long t0) {
        return new ItemRecord(item.id(), item.groups(), prompt, "", List.of(), null, null, ItemRecord.ERROR, code,
                null, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String lastUser(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).text();
            }
        }
        return "";
    }
}
