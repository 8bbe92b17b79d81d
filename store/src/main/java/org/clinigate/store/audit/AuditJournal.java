package org.clinigate.store.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clinigate.core.audit.AuditRecord;
import org.clinigate.store.audit.JournalCodec.Abort;
import org.clinigate.store.audit.JournalCodec.Batch;
import org.clinigate.store.audit.JournalCodec.Entry;
import org.clinigate.store.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-ahead journal that makes an embedded H2 audit commit durable with one small append and one
 * {@code fdatasync}, instead of H2's {@code CHECKPOINT SYNC} (which writes out every dirty page of the database and
 * syncs the whole file) on every batch. See ADR 0008, amendment "the audit journal".
 *
 * <p><b>The rule.</b> The writer journals a batch, and syncs the journal, <em>while it still holds the chain
 * head's row lock and before it commits</em>; only then does it commit (without a sync) and acknowledge. So every
 * acknowledged record is on disk in the journal, and the journal's batches follow the chain in the order the
 * database took them. A batch whose commit fails after journaling gets an abort entry.
 *
 * <p><b>Truncation.</b> Batches go into numbered segment files. A background thread asks the writer to start a new
 * segment (between batches, so every batch of the old one is committed), runs {@code CHECKPOINT SYNC} (so those
 * commits are in the database file and synced), and then deletes the old segment. No request waits for that sync.
 *
 * <p><b>Recovery.</b> {@link #open} replays, in one durable transaction, the journaled batches that continue the
 * chain beyond the database's head (the ones a crash cut off before H2 wrote them), skips those the database
 * already has and those aborted, and deletes the segments. A torn last entry (a crash mid-write, never
 * acknowledged) ends its segment. Entries that neither continue nor repeat the chain are not applied and not
 * deleted: their segments move to {@code unapplied-<millis>/} for an operator, and start-up goes on.
 *
 * <p><b>Ownership.</b> One journal per database file, held by an OS file lock. A second log on the same database
 * (in this process, or in another through H2's auto-server) finds the lock taken and commits with
 * {@code CHECKPOINT SYNC} as before; both keep one linear chain, since the head's row lock orders them.
 *
 * <p><b>Failure.</b> When the journal cannot be written (disk full, I/O error) the log falls back to synced
 * commits for the rest of the process and says so once in the log: slower, never less durable.
 *
 * <p>Not thread-safe apart from the background thread it owns: the group committer's writer calls it.
 */
final class AuditJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditJournal.class);
    private static final String SUFFIX = ".journal";

    /** When segments roll: by size or by age, whichever comes first. */
    record Rolling(long maxBytes, Duration maxAge, Duration pollEvery) {

        static final Rolling DEFAULT = new Rolling(4L * 1024 * 1024, Duration.ofSeconds(10),
                Duration.ofMillis(500));
    }

    /** What {@link #open} found in the journal. */
    record Replay(int segments, int batches, int replayedRecords, int skipped, int aborted, long tornBytes,
            int unapplied) {
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Database database;
    private final Rolling rolling;
    private final JournalCodec codec = new JournalCodec();
    private final Queue<Path> sealed = new ConcurrentLinkedQueue<>();
    private final Thread syncer;
    /**
     * What the background thread waits on. Never interrupt that thread: an interrupt during H2's file I/O closes the
     * database's file channel.
     */
    private final Object wake = new Object();
    private final Replay replay;

    private FileChannel segment;
    private Path segmentPath;
    private long segmentNumber;
    private volatile long segmentBytes;
    private volatile long segmentStartNanos;
    private volatile boolean rollRequested;
    private volatile boolean broken;
    private volatile boolean closed;

    private AuditJournal(Path dir, FileChannel lockChannel, FileLock lock, Database database, Rolling rolling)
            throws IOException, SQLException {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.database = database;
        this.rolling = rolling;
        this.replay = recover();
        openSegment(segmentNumber + 1);
        this.syncer = Thread.ofPlatform().name("clinigate-audit-sync").daemon().start(this::syncLoop);
    }

    /**
     * The journal beside an H2 database file, with what it held replayed into the database; null when another log
     * holds it (that log then commits with {@code CHECKPOINT SYNC}).
     *
     * @throws IOException when the directory cannot be made or read
     * @throws SQLException when the replay cannot be committed
     */
    static AuditJournal open(Path dir, Database database, Rolling rolling) throws IOException, SQLException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        try {
            return new AuditJournal(dir, channel, lock, database, rolling);
        } catch (IOException | SQLException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    /** Where the journal of an H2 file database lives: beside its file; null for other URLs (no journal). */
    static Path dirFor(String jdbcUrl) {
        String rest;
        if (jdbcUrl.startsWith("jdbc:h2:file:")) {
            rest = jdbcUrl.substring("jdbc:h2:file:".length());
        } else if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.matches("^jdbc:h2:(mem|tcp|ssl|zip|split|nio\\w*|"
                + "async|memFS|memLZF|retry)?:.*")) {
            rest = jdbcUrl.substring("jdbc:h2:".length());
        } else {
            return null;
        }
        int options = rest.indexOf(';');
        String file = options < 0 ? rest : rest.substring(0, options);
        if (file.isBlank() || rest.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE")) {
            // Auto-server lets other processes write through this one; they cannot see its lock. Stay plain.
            return null;
        }
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        return Path.of(file + ".audit-journal");
    }

    Replay replay() {
        return replay;
    }

    /** Called by the writer before each batch: starts a new segment when the background thread asked for one. */
    void beforeBatch() {
        if (!rollRequested || broken) {
            return;
        }
        rollRequested = false;
        try {
            segment.close();
            sealed.add(segmentPath);
            openSegment(segmentNumber + 1);
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Whether batches still go through the journal; false after a failure, when commits sync the database. */
    boolean usable() {
        return !broken && !closed;
    }

    /**
     * Writes the batch and syncs it, before the caller commits it. On failure the journal is given up and the caller
     * must commit with a sync instead.
     *
     * @return true when the batch is durable in the journal
     */
    boolean write(List<AuditRecord> records, List<Checkpoint> checkpoints, Head head) {
        return writeFrame(codec.batch(records, checkpoints, head));
    }

    /** Records that the batch starting at this record was rolled back after it was journaled. */
    void abort(AuditRecord first) {
        if (!writeFrame(codec.abort(first.sequence(), first.hash()))) {
            LOG.warn("could not journal the rollback of the audit batch at sequence {}; recovery may replay it",
                    first.sequence());
        }
    }

    private boolean writeFrame(ByteBuffer frame) {
        if (!usable()) {
            return false;
        }
        try {
            int bytes = frame.remaining();
            while (frame.hasRemaining()) {
                segment.write(frame);
            }
            segment.force(false);
            segmentBytes += bytes;
            return true;
        } catch (IOException | RuntimeException e) {
            fail(e);
            return false;
        }
    }

    private void fail(Exception e) {
        broken = true;
        LOG.error("the audit journal in {} failed ({}); audit commits now sync the database instead", dir,
                e.getClass().getSimpleName());
    }

    private void openSegment(long number) throws IOException {
        Path path = dir.resolve(String.format(Locale.ROOT, "%016d%s", number, SUFFIX));
        segment = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        syncDirectory();
        segmentPath = path;
        segmentNumber = number;
        segmentBytes = 0;
        segmentStartNanos = System.nanoTime();
    }

    private void syncDirectory() throws IOException {
        // The new file's name must survive a power cut too, or its synced entries are unreachable.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    private void syncLoop() {
        while (!closed) {
            try {
                synchronized (wake) {
                    if (!closed) {
                        wake.wait(rolling.pollEvery().toMillis());
                    }
                }
                if (closed) {
                    return;
                }
                long bytes = segmentBytes;
                long age = System.nanoTime() - segmentStartNanos;
                if (bytes >= rolling.maxBytes() || bytes > 0 && age >= rolling.maxAge().toNanos()) {
                    rollRequested = true;
                }
                if (!sealed.isEmpty()) {
                    List<Path> done = new ArrayList<>(sealed);
                    syncDatabase();
                    for (Path p : done) {
                        Files.deleteIfExists(p);
                        sealed.remove(p);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | SQLException | RuntimeException e) {
                // Segments stay until a later sync succeeds; nothing acknowledged depends on this thread.
                LOG.warn("audit journal truncation failed ({}); it retries", e.getClass().getSimpleName());
            }
        }
    }

    private void syncDatabase() throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    private Replay recover() throws IOException, SQLException {
        List<Path> files = segmentFiles();
        List<Entry> entries = new ArrayList<>();
        long torn = 0;
        for (Path f : files) {
            torn += read(f, entries);
            segmentNumber = Math.max(segmentNumber, number(f));
        }
        Set<String> aborts = new HashSet<>();
        for (Entry e : entries) {
            if (e instanceof Abort a) {
                aborts.add(a.firstSequence() + ":" + a.firstHash());
            }
        }
        int batches = 0;
        int replayed = 0;
        int skipped = 0;
        int aborted = 0;
        int unapplied = 0;
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                Head head = Head.lock(c);
                Head start = head;
                for (Entry e : entries) {
                    if (!(e instanceof Batch b)) {
                        continue;
                    }
                    batches++;
                    AuditRecord first = b.records().get(0);
                    if (aborts.contains(first.sequence() + ":" + first.hash())) {
                        aborted++;
                    } else if (b.lastSequence() <= head.sequence()) {
                        skipped++;
                    } else if (unapplied == 0 && b.firstSequence() == head.sequence() + 1
                            && first.previousHash().equals(head.hash())) {
                        ChainAppender.insert(c, b.records());
                        Checkpoint.insertAll(c, b.checkpoints());
                        head = b.head();
                        replayed += b.records().size();
                    } else {
                        unapplied++;
                    }
                }
                if (head != start) {
                    head.update(c);
                }
                database.dialect().commitDurably(c);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        if (unapplied > 0) {
            Path aside = dir.resolve("unapplied-" + System.currentTimeMillis());
            Files.createDirectories(aside);
            for (Path f : files) {
                Files.move(f, aside.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.warn("{} audit journal batches do not continue the chain; kept in {} for review; run `clinigate "
                    + "audit verify`", unapplied, aside);
        } else {
            for (Path f : files) {
                Files.delete(f);
            }
        }
        Replay result = new Replay(files.size(), batches, replayed, skipped, aborted, torn, unapplied);
        if (replayed > 0 || torn > 0) {
            LOG.info("audit journal recovery: {} records replayed from {} segments, {} torn bytes dropped",
                    replayed, files.size(), torn);
        }
        return result;
    }

    /** Whether {@code dir} holds journal segments: a journal left by a crash, to replay. */
    static boolean hasSegments(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try {
            return !segmentFiles(dir).isEmpty();
        } catch (IOException e) {
            return true; // let opening it report the problem
        }
    }

    private List<Path> segmentFiles() throws IOException {
        return segmentFiles(dir);
    }

    private static List<Path> segmentFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.getFileName().toString().matches("[0-9]{16}\\" + SUFFIX)).sorted().toList();
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** Appends the segment's readable entries; returns the bytes after the last one (a torn tail). */
    private static long read(Path file, List<Entry> into) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER);
            while (position + JournalCodec.HEADER <= size) {
                header.clear();
                readFully(ch, header, position);
                int length = JournalCodec.payloadLength(header);
                if (length < 0 || position + JournalCodec.HEADER + length > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(ch, payload, position + JournalCodec.HEADER);
                Entry entry = JournalCodec.decode(header, payload.array());
                if (entry == null) {
                    break;
                }
                into.add(entry);
                position += JournalCodec.HEADER + length;
            }
            return size - position;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = ch.read(into, at);
            if (n < 0) {
                throw new IOException("unexpected end of the journal segment");
            }
            at += n;
        }
    }

    /**
     * Stops the background thread, syncs the database and deletes every segment: a clean shutdown leaves no journal.
     * Call after the writer has stopped.
     */
    @Override
    public void close() {
        synchronized (wake) {
            closed = true;
            wake.notifyAll();
        }
        try {
            syncer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            segment.close();
            syncDatabase();
            for (Path p : segmentFiles()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("audit journal kept at shutdown ({}); the next start replays it", e.getClass().getSimpleName());
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.debug("releasing the audit journal lock failed", e);
            }
        }
    }
}
