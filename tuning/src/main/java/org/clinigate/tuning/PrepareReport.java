package org.clinigate.tuning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@code finetune prepare} run did; counts only, never text or identifiers.
 *
 * @param sources examples read per source ({@code drafts} or an input file's name)
 * @param draftsNotSigned drafts skipped because they were not final
 * @param draftsWithoutInput signed drafts skipped because their input was not kept
 * @param deid what de-identification removed and dropped
 * @param train examples written to train.jsonl
 * @param eval examples written to eval.jsonl
 * @param trainGroups patients (or other groups) in train
 * @param evalGroups patients (or other groups) in eval
 * @param groupsInBoth groups found on both sides; always 0, checked after the split
 * @param canariesInOutput canary values found in the written files; always 0 (else the run fails)
 */
public record PrepareReport(Map<String, Integer> sources, int draftsNotSigned, int draftsWithoutInput,
        DeidReport deid, int train, int eval, int trainGroups, int evalGroups, int groupsInBoth,
        int canariesInOutput) {

    public PrepareReport {
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** Examples read from all sources. */
    public int read() {
        return sources.values().stream().mapToInt(Integer::intValue).sum();
    }
}
