package dev.kbtool.catalog;

/**
 * What one document says about one topic.
 *
 * @param kind     concept or entity
 * @param key      the topic
 * @param document the document's name
 * @param name     how the document names the topic
 * @param text     the contribution itself, a few sentences
 * @param score    relevance within the document; pages show the most relevant first
 */
public record ContributionRecord(TopicKind kind, String key, String document, String name, String text, double score) {
}
