package org.clinigate.core.audit;

import java.util.Objects;
import java.util.Optional;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The result of {@link AuditLog#verify()}: how much was checked, and the first break, if any. The detail of a break
 * names sequence numbers and checkpoint positions only, never record contents.
 *
 * @param recordsChecked records that verified before the first break (all of them when the chain is intact)
 * @param checkpointsChecked signed checkpoints whose signature and sealed hash verified
 * @param headSequence the last sequence the log claims to hold
 * @param firstBreak the first broken record, or null when the chain is intact
 */
public record VerifyReport(long recordsChecked, long checkpointsChecked, long headSequence, Break firstBreak) {

    /** Why the chain is broken at a sequence. */
    public enum Reason {
        /** A record's fields no longer match its hash, or the chain was rehashed after it was sealed. */
        CHANGED,
        /** A record is missing. */
        DELETED,
        /** A record was added that the log never appended. */
        INSERTED,
        /** An authentic record sits at another position than the one it was appended at. */
        REORDERED,
        /** A checkpoint or the chain head has a wrong signature, or a checkpoint is missing. */
        BAD_CHECKPOINT
    }

    /**
     * Where and why the chain breaks first.
     *
     * @param sequence the first sequence that is broken, missing or suspect
     * @param reason the kind of damage
     * @param detail what was found, in sequence numbers and counts only
     */
    public record Break(long sequence, Reason reason, String detail) {

        public Break {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public VerifyReport {
        if (recordsChecked < 0 || checkpointsChecked < 0 || headSequence < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    public static VerifyReport intact(long records, long checkpoints, long headSequence) {
        return new VerifyReport(records, checkpoints, headSequence, null);
    }

    /** True when no break was found. */
    public boolean ok() {
        return firstBreak == null;
    }

    public Optional<Break> broken() {
        return Optional.ofNullable(firstBreak);
    }

    /** One line for an operator, for example {@code audit chain broken at sequence 7: DELETED (...)}. */
    public String describe() {
        if (ok()) {
            return "audit chain intact: " + recordsChecked + " records, " + checkpointsChecked + " checkpoints";
        }
        return "audit chain broken at sequence " + firstBreak.sequence() + ": " + firstBreak.reason() + " ("
                + firstBreak.detail() + "); " + recordsChecked + " records verified before it";
    }

    /** Returns this report when intact, or throws {@code CG-4003} naming the first break. */
    public VerifyReport requireOk() {
        if (!ok()) {
            throw new ClinigateException(ErrorCode.CG_4003, describe());
        }
        return this;
    }
}
