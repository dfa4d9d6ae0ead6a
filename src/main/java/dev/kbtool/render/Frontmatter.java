package dev.kbtool.render;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kbtool.convert.TextHygiene;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML block at the top of a wiki page. kb writes every value as a JSON literal (valid
 * YAML that survives any character a title may hold) and reads pages with a YAML parser,
 * so hand-edited pages parse too.
 */
public final class Frontmatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Frontmatter() {
    }

    /** Renders {@code fields} (in order) as a frontmatter block followed by the body. */
    public static String render(Map<String, ?> fields, String body) {
        StringBuilder sb = new StringBuilder("---\n");
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Object value = e.getValue() instanceof String text ? TextHygiene.clean(text) : e.getValue();
            if (value instanceof java.util.List<?> list) {
                value = list.stream().map(v -> v instanceof String t ? TextHygiene.clean(t) : v).toList();
            }
            try {
                sb.append(e.getKey()).append(": ").append(JSON.writeValueAsString(value)).append('\n');
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("cannot render frontmatter field " + e.getKey(), ex);
            }
        }
        sb.append("---\n\n").append(body);
        if (!body.endsWith("\n")) {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A page split into its frontmatter fields and body. */
    public record Parsed(Map<String, JsonNode> fields, String body, boolean hasBlock) {
        public Optional<String> text(String key) {
            JsonNode n = fields.get(key);
            return n == null || !n.isValueNode() ? Optional.empty() : Optional.of(n.asText());
        }
    }

    /** Thrown when a page starts a frontmatter block that is not valid YAML. */
    public static final class InvalidFrontmatter extends Exception {
        public InvalidFrontmatter(String message) {
            super(message);
        }
    }

    /**
     * Splits a page. A page without a block parses to no fields; a block that does not
     * close or is not a YAML mapping is an error, reported with its first line.
     */
    public static Parsed parse(String page) throws InvalidFrontmatter {
        String text = page.startsWith("\uFEFF") ? page.substring(1) : page;
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            return new Parsed(Map.of(), text, false);
        }
        int firstLineEnd = text.indexOf('\n') + 1;
        int close = findClosing(text, firstLineEnd);
        if (close < 0) {
            throw new InvalidFrontmatter("frontmatter block is not closed with ---");
        }
        String yaml = text.substring(firstLineEnd, close);
        int afterClose = text.indexOf('\n', close + 3);
        String body = afterClose < 0 ? "" : text.substring(afterClose + 1);
        if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (!yaml.isBlank()) {
            JsonNode node;
            try {
                node = YAML.readTree(yaml);
            } catch (JacksonException e) {
                String msg = e.getOriginalMessage();
                throw new InvalidFrontmatter(msg == null ? "invalid YAML" : msg.lines().findFirst().orElse(msg));
            }
            if (node != null && !node.isMissingNode() && !node.isNull()) {
                if (!node.isObject()) {
                    throw new InvalidFrontmatter("frontmatter is not a set of key: value pairs");
                }
                node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
            }
        }
        return new Parsed(fields, body, true);
    }

    private static int findClosing(String text, int from) {
        int pos = from;
        while (pos < text.length()) {
            int lineEnd = text.indexOf('\n', pos);
            String line = (lineEnd < 0 ? text.substring(pos) : text.substring(pos, lineEnd)).stripTrailing();
            if (line.equals("---")) {
                return pos;
            }
            if (lineEnd < 0) {
                return -1;
            }
            pos = lineEnd + 1;
        }
        return -1;
    }
}
