package dev.kbtool.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Changes one key of a config file's text and nothing else: comments, blank lines, the order of
 * keys and how other values are written stay as the person left them. A YAML library would
 * read and write the values but drop every comment, and kb's config files are mostly comments.
 * Only the lines of the key's own value are replaced; a key not in the file takes the place of
 * its commented-out template line ({@code # jobs: 0}, as {@code kb init} writes them), or is
 * added at the end (inside the {@code llm:} section for its keys). The caller parses the result
 * again, so a change this class got wrong is never written.
 */
public final class ConfigFile {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECTION = "llm";

    private ConfigFile() {
    }

    /** A value as typed on the command line, read as YAML: {@code 4} a number, {@code [a, b]} a list, {@code 5m} text. */
    public static JsonNode parseValue(String typed) {
        try {
            JsonNode n = YAML.readTree(typed);
            return n == null || n.isMissingNode() ? JsonNodeFactory.instance.nullNode() : n;
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.textNode(typed);
        }
    }

    /** The value as one line of YAML: plain where it reads back the same, else quoted as JSON (which YAML reads). */
    public static String render(JsonNode value) {
        if (value.isTextual()) {
            String plain = value.asText();
            if (!plain.isEmpty() && !plain.contains(" #") && !plain.contains(": ") && !plain.startsWith("#")
                    && parseValue(plain).equals(value)) {
                return plain;
            }
        }
        try {
            return JSON.writeValueAsString(value).replace(",", ", ");
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code text} with {@code key} set to {@code value}. */
    public static String set(String text, ConfigKeys.Key key, JsonNode value) {
        List<String> lines = lines(text);
        String rendered = render(value);
        if (!key.inLlmSection()) {
            setIn(lines, 0, lines.size(), "", key.leaf(), rendered, true);
            return join(lines);
        }
        int section = find(lines, 0, lines.size(), "", SECTION);
        if (section < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add(SECTION + ":");
            lines.add("  " + key.leaf() + ": " + rendered);
            return join(lines);
        }
        if (!valueOf(lines.get(section), SECTION).isEmpty()) {
            throw new IllegalArgumentException("the llm: section is written on one line; write it as a block"
                    + " (one key per line) to change it with kb config");
        }
        int end = blockEnd(lines, section, "");
        String indent = childIndent(lines, section, end);
        setIn(lines, section + 1, end, indent, key.leaf(), rendered, false);
        if (find(lines, section + 1, blockEnd(lines, section, ""), indent, key.leaf()) < 0) {
            lines.add(blockEnd(lines, section, ""), indent + key.leaf() + ": " + rendered);
        }
        return join(lines);
    }

    /** {@code text} without {@code key}, which then takes its default. */
    public static String unset(String text, ConfigKeys.Key key) {
        List<String> lines = lines(text);
        int from = 0;
        int to = lines.size();
        String indent = "";
        if (key.inLlmSection()) {
            int section = find(lines, 0, lines.size(), "", SECTION);
            if (section < 0) {
                return text;
            }
            from = section + 1;
            to = blockEnd(lines, section, "");
            indent = childIndent(lines, section, to);
        }
        int at = find(lines, from, to, indent, key.leaf());
        if (at >= 0) {
            lines.subList(at, blockEnd(lines, at, indent)).clear();
        }
        return join(lines);
    }

    private static void setIn(List<String> lines, int from, int to, String indent, String leaf, String rendered,
            boolean appendIfMissing) {
        int at = find(lines, from, to, indent, leaf);
        if (at >= 0) {
            String comment = trailingComment(valueOf(lines.get(at), leaf));
            int end = blockEnd(lines, at, indent);
            lines.subList(at, end).clear();
            lines.add(at, indent + leaf + ": " + rendered + comment);
            return;
        }
        Pattern template = Pattern.compile("^" + Pattern.quote(indent) + "#\\s?" + Pattern.quote(leaf) + "\\s*:.*");
        for (int i = from; i < to; i++) {
            if (template.matcher(lines.get(i)).matches()) {
                lines.set(i, indent + leaf + ": " + rendered);
                return;
            }
        }
        if (appendIfMissing) {
            lines.add(indent + leaf + ": " + rendered);
        }
    }

    /** The line holding {@code leaf:} at exactly this indentation, or -1. */
    private static int find(List<String> lines, int from, int to, String indent, String leaf) {
        Pattern p = Pattern.compile("^" + Pattern.quote(indent) + Pattern.quote(leaf) + "\\s*:(\\s.*)?$");
        for (int i = from; i < to; i++) {
            if (p.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The line after the value that starts at {@code start}: lines indented deeper than the key,
     * and for a key at the top level a block list's "- " lines, belong to it. Blank lines and
     * comments after its last line do not.
     */
    private static int blockEnd(List<String> lines, int start, String indent) {
        int last = start;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            boolean deeper = line.startsWith(indent) && line.length() > indent.length()
                    && Character.isWhitespace(line.charAt(indent.length()));
            boolean listItem = line.startsWith(indent + "- ") || line.equals(indent + "-");
            if (!deeper && !listItem) {
                break;
            }
            last = i;
        }
        return last + 1;
    }

    private static String childIndent(List<String> lines, int section, int end) {
        for (int i = section + 1; i < end; i++) {
            Matcher m = Pattern.compile("^(\\s+)[^\\s#]").matcher(lines.get(i));
            if (m.find()) {
                return m.group(1);
            }
        }
        return "  ";
    }

    /** What follows {@code leaf:} on its line, without the colon. */
    private static String valueOf(String line, String leaf) {
        String rest = line.substring(line.indexOf(leaf) + leaf.length()).stripLeading();
        return rest.substring(1).strip();
    }

    /** A "# ..." comment after a value, kept when the value is replaced; none inside quotes. */
    private static String trailingComment(String value) {
        int hash = value.indexOf(" #");
        if (value.startsWith("#")) {
            return " " + value;
        }
        if (hash < 0 || value.substring(0, hash).contains("\"") || value.substring(0, hash).contains("'")) {
            return "";
        }
        return "  " + value.substring(hash + 1).strip();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
