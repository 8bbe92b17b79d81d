package org.clinigate.knowledge;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** The index's schema: how sources and chunks become Lucene documents and back. */
final class LuceneDocs {

    static final String KIND = "kind";
    static final String KIND_SOURCE = "source";
    static final String KIND_CHUNK = "chunk";
    static final String SOURCE_ID = "source_id";
    static final String CHUNK_ID = "chunk_id";
    static final String SPECIALTY = "specialty";
    static final String BODY = "body";
    static final String TEXT = "text";
    static final String HEADINGS = "headings";
    static final String START = "start";
    static final String END = "end";
    static final String VECTOR = "vec";
    static final String CHUNKS = "chunks";
    static final String CHARS = "chars";
    static final String SHA = "sha256";

    private static final String M = "m.";
    private static final char SEP = '\u001f';

    private LuceneDocs() {
    }

    /** The text that BM25 and the embedding model see: title and headings give a chunk its context. */
    static String searchableText(SourceMetadata meta, Chunk chunk) {
        StringBuilder sb = new StringBuilder(meta.title());
        for (String heading : chunk.headingPath()) {
            sb.append(" > ").append(heading);
        }
        return sb.append('\n').append(chunk.text()).toString();
    }

    static Document sourceDoc(SourceDocument doc, int chunks, String sha) {
        Document d = new Document();
        d.add(new StringField(KIND, KIND_SOURCE, Field.Store.NO));
        d.add(new StringField(SOURCE_ID, doc.id(), Field.Store.YES));
        d.add(new StoredField(CHUNKS, chunks));
        d.add(new StoredField(CHARS, doc.text().length()));
        d.add(new StoredField(SHA, sha));
        addMetadata(d, doc.metadata());
        return d;
    }

    static Document chunkDoc(SourceMetadata meta, Chunk chunk, float[] vector) {
        Document d = new Document();
        d.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
        d.add(new StringField(SOURCE_ID, chunk.sourceId(), Field.Store.YES));
        d.add(new StringField(CHUNK_ID, chunk.id(), Field.Store.YES));
        d.add(new TextField(BODY, searchableText(meta, chunk), Field.Store.NO));
        d.add(new StoredField(TEXT, chunk.text()));
        d.add(new StoredField(HEADINGS, String.join(String.valueOf(SEP), chunk.headingPath())));
        d.add(new StoredField(START, chunk.start()));
        d.add(new StoredField(END, chunk.end()));
        d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        addMetadata(d, meta);
        return d;
    }

    private static void addMetadata(Document d, SourceMetadata meta) {
        if (!meta.specialty().isEmpty()) {
            d.add(new StringField(SPECIALTY, meta.specialty(), Field.Store.NO));
        }
        d.add(new StoredField(M + "source", meta.source()));
        d.add(new StoredField(M + "title", meta.title()));
        d.add(new StoredField(M + "issuer", meta.issuer()));
        d.add(new StoredField(M + "date", meta.date()));
        d.add(new StoredField(M + "version", meta.version()));
        d.add(new StoredField(M + "specialty", meta.specialty()));
        d.add(new StoredField(M + "url", meta.url()));
        d.add(new StoredField(M + "licence", meta.licence()));
    }

    static SourceMetadata metadata(Document d) {
        return new SourceMetadata(d.get(M + "source"), d.get(M + "title"), d.get(M + "issuer"), d.get(M + "date"),
                d.get(M + "version"), d.get(M + "specialty"), d.get(M + "url"), d.get(M + "licence"));
    }

    static Chunk chunk(Document d) {
        String joined = d.get(HEADINGS);
        List<String> headings = joined.isEmpty() ? List.of() : List.of(joined.split(String.valueOf(SEP), -1));
        return new Chunk(d.get(CHUNK_ID), d.get(SOURCE_ID), headings, d.getField(START).numericValue().intValue(),
                d.getField(END).numericValue().intValue(), d.get(TEXT));
    }

    static IndexedSource indexedSource(Document d) {
        return new IndexedSource(d.get(SOURCE_ID), metadata(d), d.getField(CHUNKS).numericValue().intValue(),
                d.getField(CHARS).numericValue().intValue(), d.get(SHA));
    }
}
