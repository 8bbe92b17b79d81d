package org.clinigate.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.clinigate.knowledge.embed.Embedder;

/** One hybrid search: a BM25 list and a vector list over the same filter, fused by {@link Rrf}. Thread safe. */
final class HybridSearch {

    /** Each list contributes this many candidates (at least k); more helps fusion little and costs HNSW time. */
    static final int CANDIDATES = 50;
    /** Queries are short; a pasted paragraph is cut to this many distinct terms. */
    static final int MAX_TERMS = 64;

    private final Analyzer analyzer;
    private final Embedder embedder;

    HybridSearch(Analyzer analyzer, Embedder embedder) {
        this.analyzer = analyzer;
        this.embedder = embedder;
    }

    List<Passage> search(IndexSearcher searcher, String query, int k, SearchFilter filter) throws IOException {
        int candidates = Math.max(k, CANDIDATES);
        Query restriction = restriction(filter);
        int[] lexical = lexical(searcher, query, restriction, candidates);
        float[] vector = embedder.embed(query);
        ScoreDoc[] knn = searcher.search(new KnnFloatVectorQuery(LuceneDocs.VECTOR, vector, candidates,
                restriction), candidates).scoreDocs;
        int[] dense = new int[knn.length];
        for (int i = 0; i < knn.length; i++) {
            dense[i] = knn[i].doc;
        }
        List<Rrf.Fused> fused = Rrf.fuse(lexical, dense);
        StoredFields stored = searcher.storedFields();
        List<Passage> out = new ArrayList<>(Math.min(k, fused.size()));
        for (Rrf.Fused f : fused.subList(0, Math.min(k, fused.size()))) {
            Document d = stored.document(f.key());
            out.add(new Passage(LuceneDocs.chunk(d), LuceneDocs.metadata(d), f.score(), f.lexicalRank(), f
                    .vectorRank()));
        }
        return out;
    }

    private int[] lexical(IndexSearcher searcher, String query, Query restriction, int n) throws IOException {
        Set<String> terms = terms(query);
        if (terms.isEmpty()) {
            return new int[0];
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (String t : terms) {
            text.add(new TermQuery(new Term(LuceneDocs.BODY, t)), BooleanClause.Occur.SHOULD);
        }
        Query q = text.build();
        if (restriction != null) {
            q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(restriction, BooleanClause.Occur.FILTER)
                    .build();
        }
        ScoreDoc[] hits = searcher.search(q, n).scoreDocs;
        int[] out = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            out[i] = hits[i].doc;
        }
        return out;
    }

    /** The analyzed terms of the query, without duplicates, as the index analyzed the body field. */
    Set<String> terms(String query) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(LuceneDocs.BODY, query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            ts.end();
        }
        return terms;
    }

    /**
     * The filter both lists share, or null for none. Only chunk documents have a body and a vector, so without a
     * specialty or source restriction no filter is needed; a filter would cost the vector search a bit set per
     * query.
     */
    static Query restriction(SearchFilter filter) {
        if (filter.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(LuceneDocs.KIND, LuceneDocs.KIND_CHUNK)), BooleanClause.Occur.FILTER);
        if (!filter.specialties().isEmpty()) {
            b.add(anyOf(LuceneDocs.SPECIALTY, filter.specialties()), BooleanClause.Occur.FILTER);
        }
        if (!filter.sourceIds().isEmpty()) {
            b.add(anyOf(LuceneDocs.SOURCE_ID, filter.sourceIds()), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static Query anyOf(String field, Set<String> values) {
        List<BytesRef> terms = new ArrayList<>(values.size());
        for (String v : values) {
            terms.add(new BytesRef(v));
        }
        return new TermInSetQuery(field, terms);
    }
}
