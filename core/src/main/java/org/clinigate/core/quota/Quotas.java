package org.clinigate.core.quota;

/**
 * Port: requests-per-minute and tokens-per-minute limits per tenant and per principal (an API key or a token
 * subject).
 *
 * <p><b>Protocol.</b> Before a request is served, {@link #admit} takes one request and the prompt's estimated tokens
 * from every bucket that applies; a refusal names the limit that was hit and when to retry. After the answer,
 * {@link #charge} takes the tokens the model generated. Charging never refuses: a request already served is paid
 * for even if that drives a bucket below zero, and the next request waits until the bucket refills.
 *
 * <p><b>Thread safety.</b> Implementations are safe for concurrent use. Several gateway instances sharing one
 * PostgreSQL share one set of buckets, so their combined traffic holds one limit.
 *
 * <p><b>Failure.</b> {@link #admit} throws {@code CG-4001} when the shared buckets cannot be read; the caller must
 * then refuse the request (503), never serve it unlimited.
 */
public interface Quotas {

    /** Takes one request and {@code promptTokens} from every bucket of {@code tenant} and {@code principal}. */
    Admission admit(String tenant, String principal, long promptTokens);

    /** Takes {@code tokens} more from the token buckets, without refusing. */
    void charge(String tenant, String principal, long tokens);

    /** No limits: for a gateway run without quotas configured. */
    Quotas UNLIMITED = new Quotas() {
        @Override
        public Admission admit(String tenant, String principal, long promptTokens) {
            return Admission.ALLOWED;
        }

        @Override
        public void charge(String tenant, String principal, long tokens) {
        }

        @Override
        public String toString() {
            return "Quotas[unlimited]";
        }
    };
}
