package org.clinigate.knowledge.cite;

import java.util.List;

/**
 * The findings of one citation check, in answer order.
 *
 * @param findings every finding, supported claims included
 * @param markers how many {@code [n]} references the answer made
 */
public record CitationReport(List<Finding> findings, int markers) {

    public CitationReport {
        findings = List.copyOf(findings);
    }

    /** True when nothing needs a reviewer's eye. */
    public boolean ok() {
        return findings.stream().noneMatch(Finding::isProblem);
    }

    /** The findings a reviewer should see. */
    public List<Finding> problems() {
        return findings.stream().filter(Finding::isProblem).toList();
    }

    /** Findings of one type. */
    public <T extends Finding> List<T> of(Class<T> type) {
        return findings.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
