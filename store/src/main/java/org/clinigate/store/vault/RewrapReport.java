package org.clinigate.store.vault;

/**
 * What {@link JdbcPhiVault#rewrap()} did.
 *
 * @param rewrapped rows re-sealed under the primary key
 * @param changedMeanwhile rows a gateway rewrote during the run; they carry whatever key that gateway used, and a
 *     second run picks up any that still are not under the primary
 * @param undecryptable rows no key of the keyset opens (altered, moved, or sealed by a key no longer in the keyset);
 *     left alone
 * @param primaryKeyId the key rows were re-sealed under
 */
public record RewrapReport(int rewrapped, int changedMeanwhile, int undecryptable, long primaryKeyId) {
}
