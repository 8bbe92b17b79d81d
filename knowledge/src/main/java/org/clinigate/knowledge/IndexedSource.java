package org.clinigate.knowledge;

/**
 * A document as the index holds it, as listed by {@link KnowledgeIndex#list()}.
 *
 * @param id the source id
 * @param metadata the document's metadata
 * @param chunks how many chunks it was cut into
 * @param chars the length of its text
 * @param contentSha256 SHA-256 of its text, to tell whether a re-import changed anything
 */
public record IndexedSource(String id, SourceMetadata metadata, int chunks, int chars, String contentSha256) {
}
