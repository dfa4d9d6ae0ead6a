package dev.kbtool.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.catalog.PageKind;
import dev.kbtool.catalog.PassageRow;
import dev.kbtool.catalog.TreeNode;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.llm.TextListener;
import dev.kbtool.query.Answer;
import dev.kbtool.query.AnswerFormat;
import dev.kbtool.query.QueryService;
import dev.kbtool.search.ResultFormat;
import dev.kbtool.search.SearchResult;
import dev.kbtool.search.Searcher;
import dev.kbtool.session.KbServices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code kb mcp} offers an assistant, each tool a function of its arguments to text (and,
 * for search and query, the same as JSON): read-only, never the KB lock. A failure is the tool's
 * answer ({@link Reply#error}), never an exception the protocol would turn into a crash.
 */
final class KbTools {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tool's answer: text for the assistant, optional structured data, and whether it failed. */
    record Reply(String text, Object structured, boolean error) {
        static Reply of(String text) {
            return new Reply(text, null, false);
        }

        static Reply error(String message) {
            return new Reply(message, null, true);
        }
    }

    /** One tool: its name, what it does (for the assistant), its arguments' JSON schema and its work. */
    record Tool(String name, String description, Map<String, Object> schema, Function<Args, Reply> run) {
    }

    private final KbServices kb;
    private final PageReader pages;

    KbTools(KbServices kb) {
        this.kb = kb;
        this.pages = new PageReader(kb.session().layout().wiki());
    }

    List<Tool> all() {
        return List.of(
                new Tool("search", "Full-text search of the knowledge base: passages of the documents (a page of a PDF, a"
                        + " section of other text), their summaries and concept and entity pages, best first, at most 3"
                        + " per document before others. Each result gives title, document, file, page, path and"
                        + " wikilink, and a snippet with the matched words in **bold**. Use read_page to read a result.",
                        schema(props(
                                "query", string("Words and \"quoted phrases\" to find; word* matches a prefix."),
                                "limit", integer("At most this many results (default 10).", 1, 100),
                                "doc", string("Only this document: its name, file name or an unambiguous part of either."),
                                "kind", Map.of("type", "string", "enum", Searcher.KINDS,
                                        "description", "Only results of this kind.")), "query"),
                        this::search),
                new Tool("query", "Answers a question from the knowledge base with numbered citations [n], each to a"
                        + " document and page with its wikilink and path. Uses the knowledge base's LLM when one is"
                        + " configured, else quotes the sentences that answer best. 'answered: false' means the"
                        + " knowledge base does not say.",
                        schema(props(
                                "question", string("The question."),
                                "limit", integer("Quotes (offline) or passages given to the LLM.", 1, 50),
                                "offline", Map.of("type", "boolean",
                                        "description", "Quote sentences instead of asking the LLM.")), "question"),
                        this::query),
                new Tool("read_page", "Reads a page of the wiki by wikilink ([[sources/a]], [[summaries/a]],"
                        + " [[concepts/x]]) or path (wiki/sources/a.md), some lines at a time. Lines are numbered after"
                        + " the frontmatter, as search results give them; source_page reads one page of a PDF.",
                        schema(props(
                                "page", string("Wikilink or path of the page."),
                                "offset", integer("First line to read, from 1 (default: the start, or the heading"
                                        + " the link names).", 1, Integer.MAX_VALUE),
                                "limit", integer("Lines to read (default " + PageReader.DEFAULT_LINES + ").", 1,
                                        PageReader.MAX_LINES),
                                "source_page", integer("Only this page of a paged document.", 1, Integer.MAX_VALUE)),
                                "page"),
                        this::readPage),
                new Tool("list_documents", "Lists the documents of the knowledge base: name, file, type, pages,"
                        + " description, and the wikilinks of its summary and source pages.",
                        schema(props(
                                "offset", integer("Documents to skip (default 0).", 0, Integer.MAX_VALUE),
                                "limit", integer("At most this many (default 100).", 1, 1000))),
                        this::listDocuments),
                new Tool("document_contents", "The contents of one document: a long document's page tree (parts with"
                        + " their pages), else the sections of its text with their pages or lines.",
                        schema(props("doc", string("The document: its name, file name or an unambiguous part of either.")),
                                "doc"),
                        this::documentContents),
                new Tool("status", "The knowledge base at a glance: where it is, documents, pages per folder, the last"
                        + " change, and whether query uses an LLM.",
                        schema(props()),
                        a -> status()));
    }

    private Reply search(Args a) {
        String doc = a.string("doc");
        String kind = a.string("kind");
        List<SearchResult> results = kb.search(new Searcher.Request(a.required("query"), a.integer("limit", 10),
                doc == null ? List.of() : kb.documentNames(List.of(doc)),
                kind == null ? List.of() : Searcher.checkKinds(List.of(kind)), doc == null ? 3 : 0));
        StringBuilder text = new StringBuilder(results.isEmpty() ? "No matches.\n" : "");
        ArrayNode json = JSON.createArrayNode();
        int rank = 0;
        for (SearchResult r : results) {
            rank++;
            text.append(ResultFormat.text(rank, r));
            json.add(ResultFormat.json(rank, r));
        }
        ObjectNode structured = JSON.createObjectNode();
        structured.set("results", json);
        return new Reply(text.toString(), structured, false);
    }

    private Reply query(Args a) {
        Answer answer;
        try {
            answer = kb.queryService().answer(a.required("question"),
                    new QueryService.Options(a.integer("limit", 0), a.bool("offline")), TextListener.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error("interrupted");
        }
        return new Reply(AnswerFormat.text(answer, false), AnswerFormat.json(answer), false);
    }

    private Reply readPage(Args a) {
        try {
            return Reply.of(pages.read(a.required("page"), a.integer("offset", 0),
                    a.integer("limit", PageReader.DEFAULT_LINES), a.integer("source_page", 0)).render());
        } catch (java.io.IOException e) {
            return Reply.error("cannot read '" + a.string("page") + "': " + e.getMessage());
        }
    }

    private Reply listDocuments(Args a) {
        List<DocumentRecord> docs = kb.session().catalog().documents();
        int offset = Math.min(a.integer("offset", 0), docs.size());
        int end = Math.min(docs.size(), offset + a.integer("limit", 100));
        StringBuilder out = new StringBuilder(docs.size() + (docs.size() == 1 ? " document" : " documents"));
        out.append(end > offset ? " (" + (offset + 1) + "–" + end + " shown)" : "").append("\n\n");
        for (DocumentRecord d : docs.subList(offset, end)) {
            out.append("- ").append(d.name()).append(" — ").append(d.fileName()).append(" (").append(d.type());
            if (d.pages() > 0) {
                out.append(", ").append(d.pages()).append(" pages");
            }
            out.append(")");
            if (!d.description().isBlank()) {
                out.append(": ").append(d.description().strip());
            }
            out.append("\n  [[summaries/").append(d.name()).append("]] · [[")
                    .append(d.readablePath().replaceFirst("^wiki/", "").replaceFirst("\\.md$", "")).append("]]\n");
        }
        return Reply.of(out.toString());
    }

    private Reply documentContents(Args a) {
        Catalog catalog = kb.session().catalog();
        String name = kb.documentNames(List.of(a.required("doc"))).get(0);
        DocumentRecord d = catalog.documentByName(name).orElseThrow();
        StringBuilder out = new StringBuilder(d.name()).append(" — ").append(d.fileName());
        List<TreeNode> tree = catalog.tree(name);
        if (!tree.isEmpty()) {
            out.append(", ").append(d.pages()).append(" pages; page tree (read a page with read_page [[")
                    .append(d.sourcePath().replaceFirst("^wiki/", "")).append("]] and source_page):\n\n");
            for (TreeNode n : tree) {
                out.append("  ".repeat(Math.max(0, n.level() - 1))).append("- ").append(n.title()).append(" (")
                        .append(n.endPage() > n.startPage() ? "pages " + n.startPage() + "–" + n.endPage()
                                : "page " + n.startPage()).append(")\n");
            }
            return Reply.of(out.toString());
        }
        out.append(d.pages() > 0 ? ", " + d.pages() + " pages" : "").append("; sections:\n\n");
        String last = null;
        for (PassageRow p : catalog.passages().of(name, "source", 0)) {
            for (String heading : headingsOf(p)) {
                if (!heading.equals(last)) {
                    out.append("- ").append(heading).append(p.page() > 0 ? " (page " + p.page() + ")"
                            : " (line " + p.line() + ")").append('\n');
                    last = heading;
                }
            }
        }
        if (last == null) {
            out.append("(no headings)\n");
        }
        return Reply.of(out.toString());
    }

    private static List<String> headingsOf(PassageRow p) {
        List<String> out = new ArrayList<>();
        for (String h : p.headings().split("\n")) {
            if (!h.isBlank()) {
                out.add(dev.kbtool.search.SearchText.readable(h.strip()));
            }
        }
        return out;
    }

    private Reply status() {
        Catalog catalog = kb.session().catalog();
        StringBuilder out = new StringBuilder("Knowledge base: ").append(kb.session().layout().root()).append('\n');
        out.append("Documents: ").append(catalog.documentCount()).append('\n');
        Map<PageKind, Integer> counts = catalog.pageCounts();
        out.append("Pages:");
        for (PageKind k : PageKind.values()) {
            out.append(' ').append(k.folder()).append(' ').append(counts.get(k));
        }
        out.append('\n');
        out.append("Last change: ").append(catalog.lastTransaction().map(t -> t.committedAt() + " " + t.operation()
                + " " + t.detail()).orElse("none")).append('\n');
        out.append("query answers with: ").append(kb.queryService().usesLlm() ? "the configured LLM" : "quotes (offline)")
                .append('\n');
        return Reply.of(out.toString());
    }

    /** Runs a tool; a KbException (a missing document, a bad argument) becomes its error answer. */
    static Reply run(Tool tool, Map<String, Object> arguments) {
        try {
            return tool.run().apply(new Args(arguments == null ? Map.of() : arguments));
        } catch (KbException e) {
            return Reply.error(e.getMessage());
        } catch (RuntimeException e) {
            return Reply.error("internal error: " + e);
        }
    }

    private static Map<String, Object> schema(Map<String, Object> properties, String... required) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", properties);
        if (required.length > 0) {
            s.put("required", List.of(required));
        }
        s.put("additionalProperties", false);
        return s;
    }

    private static Map<String, Object> props(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static Map<String, Object> string(String description) {
        return Map.of("type", "string", "minLength", 1, "description", description);
    }

    private static Map<String, Object> integer(String description, int min, int max) {
        return max == Integer.MAX_VALUE ? Map.of("type", "integer", "minimum", min, "description", description)
                : Map.of("type", "integer", "minimum", min, "maximum", max, "description", description);
    }

    /** A tool's arguments, as the protocol delivers them (JSON numbers as Integer or Long). */
    record Args(Map<String, Object> values) {
        String string(String name) {
            Object v = values.get(name);
            return v == null || v.toString().isBlank() ? null : v.toString();
        }

        String required(String name) {
            String v = string(name);
            if (v == null) {
                throw new KbException(ExitCode.USAGE, "'" + name + "' is required");
            }
            return v;
        }

        int integer(String name, int otherwise) {
            Object v = values.get(name);
            return v instanceof Number n ? n.intValue() : otherwise;
        }

        boolean bool(String name) {
            return Boolean.TRUE.equals(values.get(name));
        }
    }
}
