package org.clinigate.store.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clinigate.core.audit.AuditEvent;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.store.db.Database;
import org.clinigate.store.db.SqlErrors;

/**
 * Group commit: callers queue their events and wait; one writer thread takes whatever is queued (up to the batch
 * size), appends it in one transaction and wakes the callers once it is durable. One commit, and one fsync, then
 * serves many requests, and the order in the queue is the order in the chain.
 *
 * <p><b>Failure.</b> A failed batch fails all of its callers with the batch's error. When the database is
 * unreachable ({@code CG-4001}) everything already queued fails at once too, so callers learn it within one connect
 * timeout instead of queueing behind it; the next batch tries the database afresh.
 */
final class GroupCommitter implements AutoCloseable {

    private static final long WAIT_SECONDS = 60;

    private record Pending(AuditEvent event, CompletableFuture<AuditRecord> done) {
    }

    private final Database database;
    private final ChainAppender appender;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(16_384);
    private final Thread writer;
    private volatile boolean closed;

    GroupCommitter(Database database, ChainAppender appender, int maxBatch) {
        this.database = database;
        this.appender = appender;
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().name("clinigate-audit-writer").daemon().start(this::run);
    }

    AuditRecord submit(AuditEvent event) {
        Pending pending = new Pending(event, new CompletableFuture<>());
        try {
            if (closed || !queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ClinigateException(ErrorCode.CG_4002, closed
                        ? "the audit log is closed"
                        : "the audit queue stayed full for " + WAIT_SECONDS + " s");
            }
            return pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (TimeoutException e) {
            throw new ClinigateException(ErrorCode.CG_4002, "the audit record was not durable within " + WAIT_SECONDS
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClinigateException(ErrorCode.CG_4002, "interrupted while waiting for the audit record");
        }
    }

    private static ClinigateException rethrown(Throwable cause) {
        // A fresh exception, so the caller's stack shows where it waited; the writer's is kept as the cause.
        if (cause instanceof ClinigateException ce) {
            String detail = ce.getMessage().substring(ce.code().code().length() + 2);
            return new ClinigateException(ce.code(), detail, ce);
        }
        return new ClinigateException(ErrorCode.CG_4002, "audit append failed (" + cause.getClass().getSimpleName()
                + ")", cause);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                fail(batch, new ClinigateException(ErrorCode.CG_4002, "audit writer failed ("
                        + e.getClass().getSimpleName() + ")", e));
            } finally {
                batch.clear();
            }
        }
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        fail(late, new ClinigateException(ErrorCode.CG_4002, "the audit log is closed"));
    }

    private void write(List<Pending> batch) {
        List<AuditEvent> events = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            events.add(p.event());
        }
        List<AuditRecord> records;
        try (Connection c = database.connection()) {
            records = appender.append(c, events);
        } catch (SQLException e) {
            failAll(batch, SqlErrors.wrap(ErrorCode.CG_4002, "audit append", e));
            return;
        } catch (ClinigateException e) {
            failAll(batch, e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(records.get(i));
        }
    }

    private void failAll(List<Pending> batch, ClinigateException e) {
        fail(batch, e);
        if (e.code() == ErrorCode.CG_4001) {
            List<Pending> waiting = new ArrayList<>();
            queue.drainTo(waiting);
            fail(waiting, e);
        }
    }

    private static void fail(List<Pending> pending, ClinigateException e) {
        for (Pending p : pending) {
            p.done().completeExceptionally(e);
        }
    }

    /** Stops taking events, writes what is queued, and waits for the writer to finish. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
