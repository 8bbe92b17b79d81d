package org.clinigate.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.clinigate.core.Sha256;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;
import org.clinigate.knowledge.embed.Embedder;
import org.clinigate.knowledge.embed.Embedders;
import org.clinigate.knowledge.embed.StaticEmbedder;

/**
 * A hybrid search index over guideline documents in one Lucene directory: BM25 over title, headings and chunk
 * text, HNSW over sentence embeddings, fused by reciprocal rank ({@code k = 60}).
 *
 * <p><b>Durability.</b> {@link #add} and {@link #remove} are visible to {@link #search} at once but durable only
 * after {@link #commit()} (or {@link #close()}). A process killed at any point leaves the index at its last commit:
 * the next {@link #open} sees exactly the committed documents. Each document is replaced atomically: a search sees
 * all of its old chunks or all of its new ones.
 *
 * <p><b>Models.</b> The embedding model's id is stored with every commit; opening an index with another model
 * fails with CG-5005 instead of mixing vectors. {@link #open(Path)} picks the embedder the index was built with;
 * {@link #open(Path, String)} picks one by setting (MiniLM or static vectors, ADR 0020).
 *
 * <p><b>Threads.</b> Searches run concurrently with each other and with writes; writes are serialized. One
 * process at a time may open a directory (a second gets CG-5005).
 */
public final class KnowledgeIndex implements AutoCloseable {

    static final String MODEL_KEY = "clinigate.embedding.model";
    private static final int EMBED_BATCH = 32;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Embedder embedder;
    private final boolean ownsEmbedder;
    private final Chunker chunker;
    private final HybridSearch hybrid;
    /**
     * Writes done, and writes the searcher shows. A read refreshes first when they differ, so a write is visible
     * to every read that starts after it returns, while bulk imports do not reopen a reader per call.
     */
    private final AtomicLong writes = new AtomicLong();
    private long refreshed;
    private final Object refreshLock = new Object();

    private KnowledgeIndex(Directory directory, IndexWriter writer, Embedder embedder, boolean ownsEmbedder,
            Chunker chunker) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.embedder = embedder;
        this.ownsEmbedder = ownsEmbedder;
        this.chunker = chunker;
        this.hybrid = new HybridSearch(writer.getAnalyzer(), embedder);
    }

    /**
     * Opens the index in {@code dir} with the embedder it was built with ({@link Embedders#nameOf}), or creates it
     * with the bundled model (all-MiniLM-L6-v2, setting {@value Embedders#MODEL}).
     */
    public static KnowledgeIndex open(Path dir) {
        return open(dir, recordedModel(dir).flatMap(Embedders::nameOf).orElse(Embedders.MODEL));
    }

    /**
     * Opens or creates the index in {@code dir} with the embedder named {@code embedder} (one of
     * {@link Embedders#NAMES}, else CG-1001); a static table is cached in {@link Embedders#cacheDir}. An index built
     * with another embedder is refused (CG-5005).
     */
    public static KnowledgeIndex open(Path dir, String embedder) {
        Embedder model = Embedders.create(embedder, Embedders.cacheDir(dir), StaticEmbedder.Progress.logging());
        try {
            return open(dir, model, new Chunker(), true);
        } catch (RuntimeException e) {
            if (model instanceof AutoCloseable c) {
                closeQuietly(c);
            }
            throw e;
        }
    }

    /** The embedding model id recorded in the last commit of the index in {@code dir}, if there is one. */
    public static Optional<String> recordedModel(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return Optional.empty();
            }
            return Optional.ofNullable(SegmentInfos.readLatestCommit(directory).getUserData().get(MODEL_KEY));
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_5005, "cannot read knowledge index: " + e.getClass()
                    .getSimpleName(), e);
        }
    }

    /** Opens or creates the index in {@code dir}; the caller keeps ownership of {@code embedder}. */
    public static KnowledgeIndex open(Path dir, Embedder embedder) {
        return open(dir, embedder, new Chunker(), false);
    }

    /** Opens or creates the index in {@code dir} with a chunker of the caller's choosing. */
    public static KnowledgeIndex open(Path dir, Embedder embedder, Chunker chunker) {
        return open(dir, embedder, chunker, false);
    }

    private static KnowledgeIndex open(Path dir, Embedder embedder, Chunker chunker, boolean owns) {
        Directory directory = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            checkModel(directory, embedder);
            IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setCommitOnClose(false);
            // Larger in-memory segments mean fewer small HNSW graphs to merge during bulk imports.
            config.setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(MODEL_KEY, embedder.modelId()).entrySet());
            return new KnowledgeIndex(directory, writer, embedder, owns, chunker);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new ClinigateException(ErrorCode.CG_5005, "knowledge index is open in another process", e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new ClinigateException(ErrorCode.CG_5005, "cannot open knowledge index: "
                    + e.getClass().getSimpleName(), e);
        } catch (ClinigateException e) {
            closeQuietly(directory);
            throw e;
        }
    }

    private static void checkModel(Directory directory, Embedder embedder) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        String model = SegmentInfos.readLatestCommit(directory).getUserData().get(MODEL_KEY);
        if (model != null && !model.equals(embedder.modelId())) {
            throw new ClinigateException(ErrorCode.CG_5005, "knowledge index was built with embedding model " + model
                    + ", not " + embedder.modelId() + "; rebuild it or open it with that model");
        }
    }

    /**
     * Chunks, embeds and indexes {@code document}, replacing any document with the same id. Visible to searches
     * when this returns; durable after {@link #commit()}.
     */
    public IndexedSource add(SourceDocument document) {
        return addAll(List.of(document)).get(0);
    }

    /**
     * {@link #add} for many documents, with the same visibility and durability. Every document is chunked before
     * any is written, so one without text (CG-5003) fails the call before it changes anything; an embedding or
     * write failure leaves the documents before it added.
     */
    public synchronized List<IndexedSource> addAll(List<SourceDocument> documents) {
        List<List<Chunk>> chunked = new ArrayList<>(documents.size());
        for (SourceDocument doc : documents) {
            List<Chunk> chunks = chunker.chunk(doc);
            if (chunks.isEmpty()) {
                throw new ClinigateException(ErrorCode.CG_5003, "document " + doc.id() + " has no text to index");
            }
            chunked.add(chunks);
        }
        List<IndexedSource> added = new ArrayList<>(documents.size());
        try {
            for (int d = 0; d < documents.size(); d++) {
                SourceDocument doc = documents.get(d);
                List<Chunk> chunks = chunked.get(d);
                List<float[]> vectors = embedChunks(doc.metadata(), chunks);
                String sha = Sha256.hex(doc.text());
                List<Document> docs = new ArrayList<>(chunks.size() + 1);
                docs.add(LuceneDocs.sourceDoc(doc, chunks.size(), sha));
                for (int i = 0; i < chunks.size(); i++) {
                    docs.add(LuceneDocs.chunkDoc(doc.metadata(), chunks.get(i), vectors.get(i)));
                }
                writer.updateDocuments(new Term(LuceneDocs.SOURCE_ID, doc.id()), docs);
                added.add(new IndexedSource(doc.id(), doc.metadata(), chunks.size(), doc.text().length(), sha));
                writes.incrementAndGet();
            }
        } catch (IOException e) {
            throw writeFailed(e);
        }
        return added;
    }

    private List<float[]> embedChunks(SourceMetadata meta, List<Chunk> chunks) {
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int from = 0; from < chunks.size(); from += EMBED_BATCH) {
            List<String> texts = new ArrayList<>();
            for (Chunk c : chunks.subList(from, Math.min(chunks.size(), from + EMBED_BATCH))) {
                texts.add(LuceneDocs.searchableText(meta, c));
            }
            vectors.addAll(embedder.embed(texts));
        }
        return vectors;
    }

    /** Removes the document with this id and its chunks; false when there was none. Durable after commit. */
    public synchronized boolean remove(String sourceId) {
        boolean present = get(sourceId).isPresent();
        try {
            writer.deleteDocuments(new Term(LuceneDocs.SOURCE_ID, sourceId));
            writes.incrementAndGet();
        } catch (IOException e) {
            throw writeFailed(e);
        }
        return present;
    }

    /** Makes every change so far durable: after this returns, a crash loses none of them. */
    public synchronized void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /** The {@code k} best passages for {@code query}, best first. */
    public List<Passage> search(String query, int k) {
        return search(query, k, SearchFilter.NONE);
    }

    /** The {@code k} best passages for {@code query} among those that pass {@code filter}, best first. */
    public List<Passage> search(String query, int k, SearchFilter filter) {
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("k must be 1 to 1000, was " + k);
        }
        return withSearcher(s -> hybrid.search(s, query, k, filter));
    }

    /** Every indexed document, in index order. */
    public List<IndexedSource> list() {
        return withSearcher(s -> {
            TermQuery all = new TermQuery(new Term(LuceneDocs.KIND, LuceneDocs.KIND_SOURCE));
            List<IndexedSource> out = new ArrayList<>();
            StoredFields stored = s.storedFields();
            for (ScoreDoc hit : s.search(all, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                out.add(LuceneDocs.indexedSource(stored.document(hit.doc)));
            }
            out.sort(java.util.Comparator.comparing(IndexedSource::id));
            return out;
        });
    }

    /** The indexed document with this id. */
    public Optional<IndexedSource> get(String sourceId) {
        return list().stream().filter(s -> s.id().equals(sourceId)).findFirst();
    }

    /** How many chunks are indexed. */
    public int chunkCount() {
        return withSearcher(s -> s.count(new TermQuery(new Term(LuceneDocs.KIND, LuceneDocs.KIND_CHUNK))));
    }

    /** The embedding model this index uses. */
    public String modelId() {
        return embedder.modelId();
    }

    /** Commits, then releases the directory (and the model, when this index loaded it). */
    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.commit();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw writeFailed(e);
        } finally {
            if (ownsEmbedder && embedder instanceof AutoCloseable c) {
                closeQuietly(c);
            }
        }
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            refreshIfWritten();
            IndexSearcher s = searchers.acquire();
            try {
                return work.run(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new ClinigateException(ErrorCode.CG_5005, "cannot read knowledge index: " + e.getClass()
                    .getSimpleName(), e);
        }
    }

    private void refreshIfWritten() throws IOException {
        long seen = writes.get();
        synchronized (refreshLock) {
            if (refreshed < seen) {
                searchers.maybeRefreshBlocking();
                refreshed = seen;
            }
        }
    }

    private static ClinigateException writeFailed(IOException e) {
        return new ClinigateException(ErrorCode.CG_5005, "cannot write knowledge index: " + e.getClass()
                .getSimpleName(), e);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
