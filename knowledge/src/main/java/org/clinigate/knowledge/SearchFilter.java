package org.clinigate.knowledge;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Restricts a search to some specialties and some sources. An empty set means no restriction on that field; both
 * sets must match when both are given.
 *
 * @param specialties specialties to keep, compared in lower case
 * @param sourceIds source ids to keep
 */
public record SearchFilter(Set<String> specialties, Set<String> sourceIds) {

    /** No restriction. */
    public static final SearchFilter NONE = new SearchFilter(Set.of(), Set.of());

    public SearchFilter {
        specialties = specialties.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(
                Collectors.toUnmodifiableSet());
        sourceIds = Set.copyOf(sourceIds);
    }

    public static SearchFilter specialty(String... specialties) {
        return new SearchFilter(Set.of(specialties), Set.of());
    }

    public static SearchFilter source(String... sourceIds) {
        return new SearchFilter(Set.of(), Set.of(sourceIds));
    }

    public boolean isEmpty() {
        return specialties.isEmpty() && sourceIds.isEmpty();
    }
}
