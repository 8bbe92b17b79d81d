package org.clinigate.eval.suite;

import java.util.Arrays;
import java.util.Locale;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** The suite file formats the loader reads; {@link #wireName()} is the {@code --format} value. */
public enum SuiteFormat {
    /** MedQA JSONL: question, options {A: ...}, answer_idx, meta_info. */
    MEDQA("medqa", "accuracy"),
    /** MedMCQA JSONL: question, opa..opd, cop, subject_name, topic_name. */
    MEDMCQA("medmcqa", "accuracy"),
    /** PubMedQA: the labelled JSON object keyed by PMID, or JSONL with question, contexts and final_decision. */
    PUBMEDQA("pubmedqa", "accuracy"),
    /** HealthBench: JSONL (or a folder of JSON files) with prompt messages and rubrics. */
    HEALTHBENCH("healthbench", "score"),
    /** Summaries against a source note: id, source, sections, reference. */
    SUMMARY("summary", "section_completeness"),
    /** Questions over numbered sources: id, question, sources [{id, title, text}], answers. */
    RAG("rag", "citation_fidelity"),
    /** Red-team prompts: id, category, specialty, prompt, expected, canary. */
    REDTEAM("redteam", "pass_rate");

    private final String wireName;
    private final String primaryMetric;

    SuiteFormat(String wireName, String primaryMetric) {
        this.wireName = wireName;
        this.primaryMetric = primaryMetric;
    }

    public String wireName() {
        return wireName;
    }

    /** The metric that groups (per specialty, theme...) report and charts show. */
    public String primaryMetric() {
        return primaryMetric;
    }

    /** The format for a {@code --format} value. */
    public static SuiteFormat parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(n)).findFirst()
                .orElseThrow(() -> new ClinigateException(ErrorCode.CG_1001,
                        "--format must be one of " + Arrays.stream(values()).map(SuiteFormat::wireName).toList()));
    }
}
