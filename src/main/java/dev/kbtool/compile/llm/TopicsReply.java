package dev.kbtool.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kbtool.compile.TopicCandidate;
import dev.kbtool.compile.TopicKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The extract stage's reply:
 * {@code {"concepts": [{"name", "aliases", "contribution"}], "entities": [{"name", "type", "aliases", "contribution"}]}}.
 * Either list may be empty. Items sharing a key are merged (the first wins, later names
 * become aliases), lists are cut to the configured size, and relevance follows the order
 * the model gave.
 */
record TopicsReply(List<TopicCandidate> concepts, List<TopicCandidate> entities) {
    static final Set<String> ENTITY_TYPES = Set.of("person", "organization", "place", "product", "work", "event",
            "other");
    static final int MAX_NAME = 120;
    static final int MAX_CONTRIBUTION_SENTENCES = 3;
    static final int MAX_ALIASES = 8;

    static ReplyParser<TopicsReply> parser(int maxConcepts, int maxEntities) {
        return (reply, lenient) -> {
            Problems problems = new Problems();
            List<TopicCandidate> concepts = list(reply, "concepts", false, maxConcepts, lenient, problems);
            List<TopicCandidate> entities = list(reply, "entities", true, maxEntities, lenient, problems);
            problems.throwIfAny();
            return new TopicsReply(concepts, entities);
        };
    }

    private static List<TopicCandidate> list(JsonNode reply, String field, boolean entity, int max, boolean lenient,
            Problems problems) {
        JsonNode items = reply.get(field);
        if (items == null || !items.isArray()) {
            if (!lenient) {
                problems.add("\"" + field + "\" must be a list (use [] when there are none)");
            }
            return List.of();
        }
        Map<String, Item> byKey = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode node : items) {
            Item item = item(node, field + "[" + index++ + "]", entity, lenient, problems);
            if (item != null) {
                Item first = byKey.putIfAbsent(item.key, item);
                if (first != null) {
                    first.aliases.add(item.name);
                    first.aliases.addAll(item.aliases);
                }
            }
        }
        List<Item> kept = new ArrayList<>(byKey.values()).subList(0, Math.min(max, byKey.size()));
        List<TopicCandidate> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Item it = kept.get(i);
            it.aliases.removeIf(a -> NonAnswers.sameText(a, it.name));
            List<String> aliases = new ArrayList<>(it.aliases).subList(0, Math.min(MAX_ALIASES, it.aliases.size()));
            out.add(new TopicCandidate(it.key, it.name, it.type, it.contribution, aliases,
                    (double) (kept.size() - i) / kept.size()));
        }
        return out;
    }

    /** One item, or null when it is flawed (the flaw is recorded unless the answer is the repaired one). */
    private static Item item(JsonNode node, String where, boolean entity, boolean lenient, Problems problems) {
        List<String> flaws = new ArrayList<>();
        String name = node.path("name").isTextual() ? Sentences.plain(node.path("name").asText()) : "";
        String key = entity ? TopicKeys.entity(name) : TopicKeys.concept(name);
        if (NonAnswers.isNonAnswer(name) || key.isEmpty()) {
            flaws.add("needs a \"name\"");
        } else if (name.length() > MAX_NAME) {
            flaws.add("has a name of " + name.length() + " characters; give the short usual name");
        }
        String label = name.isEmpty() ? where : where + " (" + name + ")";
        String contribution = node.path("contribution").isTextual()
                ? Sentences.plain(node.path("contribution").asText()) : "";
        if (NonAnswers.isNonAnswer(contribution)) {
            flaws.add("needs a \"contribution\" saying what this document says about it");
        } else if (NonAnswers.restatesName(name, contribution)) {
            flaws.add("has a contribution that only restates the name; say what this document says about it");
        } else if (Sentences.split(contribution).size() > MAX_CONTRIBUTION_SENTENCES) {
            if (lenient) {
                contribution = Sentences.first(contribution, MAX_CONTRIBUTION_SENTENCES);
            } else {
                flaws.add("has a contribution longer than " + MAX_CONTRIBUTION_SENTENCES + " sentences");
            }
        }
        if (!flaws.isEmpty()) {
            if (!lenient) {
                problems.add(label + " " + String.join(" and ", flaws));
            }
            return null;
        }
        String type = "concept";
        if (entity) {
            String t = node.path("type").asText("other").strip().toLowerCase(Locale.ROOT);
            type = ENTITY_TYPES.contains(t) ? t : "other";
        }
        Item item = new Item(key, name, type, contribution);
        for (JsonNode alias : node.path("aliases")) {
            String a = alias.isTextual() ? Sentences.plain(alias.asText()) : "";
            if (!NonAnswers.isNonAnswer(a) && a.length() <= MAX_NAME) {
                item.aliases.add(a);
            }
        }
        return item;
    }

    private static final class Item {
        final String key;
        final String name;
        final String type;
        final String contribution;
        final Set<String> aliases = new LinkedHashSet<>();

        Item(String key, String name, String type, String contribution) {
            this.key = key;
            this.name = name;
            this.type = type;
            this.contribution = contribution;
        }
    }
}
