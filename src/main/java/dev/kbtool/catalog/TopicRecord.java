package dev.kbtool.catalog;

import java.util.List;

/**
 * A concept or entity of the knowledge base: the header of its page.
 *
 * @param kind        concept or entity
 * @param key         normalized name, also the page's file name
 * @param name        display name
 * @param type        {@code Concept}, or the entity type ({@code Person}, {@code Organization}, ...)
 * @param description one line
 * @param overview    a synthesized overview paragraph, empty until one is made (by {@code kb recompile})
 * @param aliases     other names seen for it
 */
public record TopicRecord(TopicKind kind, String key, String name, String type, String description, String overview,
        List<String> aliases) {
    public TopicRecord {
        aliases = List.copyOf(aliases);
    }
}
