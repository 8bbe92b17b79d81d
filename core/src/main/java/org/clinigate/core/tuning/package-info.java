/** What fine-tuning needs from the gateway's persistence: the kept inputs of drafts ({@link org.clinigate.core.tuning.DraftInputs}). */
package org.clinigate.core.tuning;
