package org.clinigate.safety.citation;

import java.util.List;
import org.clinigate.core.rails.RailSource;

/**
 * Port: checks the citations of an answer against the sources it was grounded on.
 *
 * <p>Contract: deterministic, stateless and thread safe; never throws on any answer; findings carry offsets into the
 * answer and never quote it. Sources are numbered from 1 in list order, so marker {@code [n]} refers to the n-th
 * source; a source whose id is itself a number may also be cited by that number.
 */
@FunctionalInterface
public interface CitationCheck {

    /** The problems found, in any order; empty when every citation checks out. */
    List<CitationFinding> check(String answer, List<RailSource> sources);
}
