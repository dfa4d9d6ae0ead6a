package dev.kbtool.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.CatalogWriter;
import dev.kbtool.catalog.WrittenPage;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.render.Frontmatter;
import dev.kbtool.text.GeneratedRegion;
import dev.kbtool.tx.Transaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes kb's pages without losing what a person wrote in them, inside one transaction. kb's
 * part of a page is its frontmatter keys and the text between its markers
 * ({@link GeneratedRegion}); a person's text above or below the markers and frontmatter keys kb
 * does not write (tags, aliases, cssclasses) are kept at every rewrite. If a person edited kb's
 * part — or made the page kb now wants to write — kb does not overwrite it: the page stays as the
 * person left it and kb's version is set aside in the catalog ({@code held_pages}), reported by
 * the command, {@code kb status} and {@code kb doctor}, until {@code kb recompile --discard-edits}
 * takes kb's version (the person's text kept in {@code replaced_pages}).
 */
public final class PageWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KbLayout layout;
    private final Catalog catalog;
    private final boolean discardEdits;
    private final String document;
    private final Map<String, String> held = new LinkedHashMap<>();
    private final Set<String> released = new LinkedHashSet<>();
    private final Map<String, String> replaced = new LinkedHashMap<>();

    /**
     * @param discardEdits take kb's version even over a person's edit (the person's page kept aside)
     * @param document     the document whose change this is, recorded with a held page
     */
    public PageWriter(KbLayout layout, Catalog catalog, boolean discardEdits, String document) {
        this.layout = layout;
        this.catalog = catalog;
        this.discardEdits = discardEdits;
        this.document = document;
    }

    /** Writes kb's version of a page ({@code kbPage} as a renderer makes it), keeping a person's text. */
    public void write(Transaction tx, String relPath, String kbPage) throws IOException {
        String current = read(relPath);
        if (current == null) {
            writeOwn(tx, relPath, wrap(kbPage));
        } else if (isKbsToRewrite(relPath, current)) {
            GeneratedRegion.Parts parts = GeneratedRegion.parse(current);
            writeOwn(tx, relPath, parts == null ? wrap(kbPage) : merge(kbPage, current, parts));
        } else if (discardEdits) {
            // kb's version over the person's edit of kb's part; their text around it stays.
            replaced.put(relPath, current);
            GeneratedRegion.Parts parts = GeneratedRegion.parse(current);
            writeOwn(tx, relPath, parts == null ? wrap(kbPage) : merge(kbPage, current, parts));
        } else {
            held.put(relPath, wrap(kbPage));
        }
    }

    /** Deletes kb's page; a person's text around kb's part stays as a page of its own. */
    public void delete(Transaction tx, String relPath) throws IOException {
        String current = read(relPath);
        if (current == null) {
            tx.delete(relPath);
            released.add(relPath);
            return;
        }
        if (!isKbsToRewrite(relPath, current) && !discardEdits) {
            held.put(relPath, null);
            return;
        }
        if (discardEdits && !isKbsToRewrite(relPath, current)) {
            replaced.put(relPath, current);
        }
        GeneratedRegion.Parts parts = GeneratedRegion.parse(current);
        String persons = parts == null ? "" : personsOnly(current, parts);
        if (persons.isEmpty()) {
            tx.delete(relPath);
        } else {
            tx.writePage(relPath, persons);
        }
        released.add(relPath);
    }

    /**
     * Sets some of kb's frontmatter keys on a page kb wrote, its text as it is: a document whose
     * file moved keeps its summary, with the new place recorded. Like any change of kb's, it is
     * held when a person edited kb's part; a page without kb's markers is left alone.
     */
    public void retag(Transaction tx, String relPath, Map<String, String> values) throws IOException {
        String current = read(relPath);
        GeneratedRegion.Parts parts = current == null ? null : GeneratedRegion.parse(current);
        if (parts == null) {
            return;
        }
        Map<String, JsonNode> kbFields = new LinkedHashMap<>();
        fields(current).forEach((k, v) -> {
            if (GeneratedRegion.KB_KEYS.contains(k)) {
                kbFields.put(k, v);
            }
        });
        values.forEach((k, v) -> kbFields.put(k, JSON.getNodeFactory().textNode(v)));
        write(tx, relPath, "---\n" + render(kbFields) + "---\n\n" + parts.generated());
    }

    /** The paths kept as a person left them this time. */
    public Set<String> held() {
        return held.keySet();
    }

    /** The catalog rows: pages held, released and replaced. */
    public void record(CatalogWriter w) throws SQLException {
        for (Map.Entry<String, String> e : held.entrySet()) {
            w.holdPage(e.getKey(), e.getValue(), document);
        }
        for (String path : released) {
            w.releasePage(path);
        }
        for (Map.Entry<String, String> e : replaced.entrySet()) {
            w.keepReplaced(e.getKey(), e.getValue());
        }
    }

    /** Whether a page on disk shows kb's version of it, whatever a person wrote around it. */
    public static boolean shows(String current, String kbPage) {
        GeneratedRegion.Parts parts = GeneratedRegion.parse(current);
        if (parts == null) {
            return current.equals(kbPage);
        }
        GeneratedRegion.Parts kb = GeneratedRegion.parse(wrap(kbPage));
        return kb != null && kb.generated().equals(parts.generated())
                && GeneratedRegion.hash(current).equals(GeneratedRegion.hash(wrap(kbPage)));
    }

    /**
     * kb may rewrite the page: kb's part is as kb last wrote it (a person's text around it is
     * kept), or the page predates kb's records and the catalog says kb made it.
     */
    private boolean isKbsToRewrite(String relPath, String current) {
        WrittenPage record = catalog.writtenPage(relPath).orElse(null);
        if (record == null) {
            // Written before kb kept records: kb's if the catalog lists it, or if it is the index,
            // which kb writes from its first day (init).
            return catalog.pageExists(relPath.substring("wiki/".length())) || relPath.equals("wiki/index.md")
                    || relPath.startsWith("wiki/index/") || catalog.derivedPages().containsKey(relPath);
        }
        GeneratedRegion.Parts parts = GeneratedRegion.parse(current);
        return parts != null ? GeneratedRegion.hash(current).equals(record.generated())
                : PageEdits.sha256(current.getBytes(StandardCharsets.UTF_8)).equals(record.sha256());
    }

    private void writeOwn(Transaction tx, String relPath, String text) throws IOException {
        tx.writePage(relPath, text);
        released.add(relPath);
    }

    /**
     * Rewrites a page's text as it now is with a change kb must make wherever it is (a link to a
     * removed page made plain text): kb's own pages stay kb's, a person's page stays theirs.
     */
    public void rewrite(Transaction tx, String relPath, String text) throws IOException {
        String current = read(relPath);
        if (current != null && isKbsToRewrite(relPath, current)) {
            tx.writePage(relPath, text);
        } else {
            // A person's page, or kb's page with their edit of kb's part: it stays theirs, and the
            // record of what kb last wrote stays as it was, so the edit is still seen as one.
            tx.write(relPath, text);
        }
    }

    /** kb's page with its body between the markers. */
    static String wrap(String kbPage) {
        String fm = "";
        String body = kbPage;
        if (kbPage.startsWith("---\n")) {
            int close = kbPage.indexOf("\n---\n", 3);
            if (close >= 0) {
                fm = kbPage.substring(4, close + 1);
                body = kbPage.substring(close + 5);
                body = body.startsWith("\n") ? body.substring(1) : body;
            }
        }
        return GeneratedRegion.wrap(fm, body);
    }

    /** kb's new part with the person's text and frontmatter keys around it. */
    private static String merge(String kbPage, String current, GeneratedRegion.Parts parts) throws IOException {
        Map<String, JsonNode> kbFields = fields(kbPage);
        Map<String, JsonNode> fields = new LinkedHashMap<>(kbFields);
        for (Map.Entry<String, JsonNode> e : fields(current).entrySet()) {
            String key = e.getKey();
            if (GeneratedRegion.KB_KEYS.contains(key)) {
                continue;
            }
            JsonNode kbValue = fields.get(key);
            fields.put(key, kbValue == null ? e.getValue() : union(kbValue, e.getValue()));
        }
        GeneratedRegion.Parts kb = GeneratedRegion.parse(wrap(kbPage));
        return "---\n" + render(fields) + "---\n\n" + parts.before() + GeneratedRegion.BEGIN + "\n" + kb.generated()
                + GeneratedRegion.END + "\n" + parts.after();
    }

    /** The person's part of a page alone: their frontmatter keys and their text, kb's part emptied. */
    private static String personsOnly(String current, GeneratedRegion.Parts parts) throws IOException {
        Map<String, JsonNode> theirs = new LinkedHashMap<>();
        fields(current).forEach((k, v) -> {
            // kb writes a topic's aliases itself; once its page goes, so do they.
            if (!GeneratedRegion.KB_KEYS.contains(k) && !k.equals("aliases")) {
                theirs.put(k, v);
            }
        });
        if (theirs.isEmpty() && parts.before().isBlank() && parts.after().isBlank()) {
            return "";
        }
        return (theirs.isEmpty() ? "" : "---\n" + render(theirs) + "---\n\n") + parts.before()
                + GeneratedRegion.BEGIN + "\n" + GeneratedRegion.END + "\n" + parts.after();
    }

    /** Lists (aliases, tags) both sides have: kb's entries and the person's, each once. */
    private static JsonNode union(JsonNode kb, JsonNode theirs) {
        if (!kb.isArray() || !theirs.isArray()) {
            return theirs;
        }
        ArrayNode out = JSON.createArrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode n : List.of(kb, theirs)) {
            n.forEach(v -> {
                if (seen.add(v.toString())) {
                    out.add(v);
                }
            });
        }
        return out;
    }

    private static Map<String, JsonNode> fields(String page) throws IOException {
        try {
            return Frontmatter.parse(page).fields();
        } catch (Frontmatter.InvalidFrontmatter e) {
            // A block a person broke: their keys cannot be read, kb's are rewritten.
            return Map.of();
        }
    }

    private static String render(Map<String, JsonNode> fields) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Map.Entry<String, JsonNode> e : fields.entrySet()) {
                sb.append(e.getKey()).append(": ").append(JSON.writeValueAsString(e.getValue())).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    private String read(String relPath) throws IOException {
        try {
            return Files.readString(layout.root().resolve(relPath), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
