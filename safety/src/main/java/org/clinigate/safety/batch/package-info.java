/**
 * The batch checker behind {@code clinigate check}: streams JSONL records of model outputs through the output rail
 * and writes one verdict line per record, all or nothing.
 */
package org.clinigate.safety.batch;
