package dev.kbtool.compile;

import java.util.List;

/**
 * A concept or entity one document talks about, with what it says about it.
 *
 * @param key          normalized form used to merge across documents and as the page slug
 *                     (lower case, singular, words joined by {@code -}), e.g. {@code neural-network}
 * @param name         display name as the document writes it, e.g. {@code Neural Networks}
 * @param type         {@code concept}, or for entities one of person, organization, place,
 *                     product, work, event, other
 * @param contribution what this document says about it: one to three sentences
 * @param aliases      other surface forms seen in this document
 * @param score        relevance within this document, higher is more relevant
 */
public record TopicCandidate(String key, String name, String type, String contribution, List<String> aliases,
        double score) {
    public TopicCandidate {
        aliases = List.copyOf(aliases);
    }

    public TopicCandidate withContribution(String text) {
        return new TopicCandidate(key, name, type, text, aliases, score);
    }
}
