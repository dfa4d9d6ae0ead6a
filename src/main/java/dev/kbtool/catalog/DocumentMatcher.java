package dev.kbtool.catalog;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.layout.DocumentNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the documents a person means by a name: the exact document name, else the exact
 * original file name, else every document whose name or file name contains the text
 * (ignoring case). Commands that change things refuse when the answer is not exactly one.
 */
public final class DocumentMatcher {
    private DocumentMatcher() {
    }

    private static List<DocumentRecord> match(List<DocumentRecord> all, String query) {
        List<DocumentRecord> exact = all.stream().filter(d -> d.name().equals(query)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<DocumentRecord> byFile = all.stream().filter(d -> d.fileName().equals(query)).toList();
        if (!byFile.isEmpty()) {
            return byFile;
        }
        String q = query.toLowerCase(Locale.ROOT);
        return all.stream().filter(d -> d.name().toLowerCase(Locale.ROOT).contains(q)
                || d.fileName().toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    /**
     * Exactly one document for each query, read from one look at the catalog: name → document,
     * in the order given, a document named twice listed once. A query matching none or several
     * fails, listing the candidates, before anything changes.
     */
    public static Map<String, DocumentRecord> each(Catalog catalog, List<String> queries) {
        List<DocumentRecord> all = catalog.documents();
        Map<String, DocumentRecord> out = new LinkedHashMap<>();
        for (String q : queries) {
            DocumentRecord d = single(all, q);
            out.put(d.name(), d);
        }
        return out;
    }

    /**
     * The documents queries name, and the queries that name only documents already removed.
     *
     * @param documents     name → document, in the order given
     * @param removedEarlier queries that match no document now but a document a {@code kb remove}
     *                      took away: a remove run again after a kill finds them done
     */
    public record Resolution(Map<String, DocumentRecord> documents, List<String> removedEarlier) {
    }

    /**
     * Like {@link #each}, except that a query matching no document but a removed one is not an
     * error: it is reported as removed earlier, so a batch interrupted after some removals
     * converges when run again.
     */
    public static Resolution eachOrRemoved(Catalog catalog, List<String> queries) {
        List<DocumentRecord> all = catalog.documents();
        Map<String, DocumentRecord> out = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        List<String> removedNames = null;
        for (String q : queries) {
            if (match(all, q).isEmpty()) {
                if (removedNames == null) {
                    removedNames = catalog.removedDocumentNames();
                }
                if (namesRemoved(removedNames, q)) {
                    removed.add(q);
                    continue;
                }
            }
            DocumentRecord d = single(all, q);
            out.put(d.name(), d);
        }
        return new Resolution(out, removed);
    }

    /** The query is a removed document's name, its file's stem, or part of its name. */
    private static boolean namesRemoved(List<String> removedNames, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        String stem = DocumentNames.stem(query).toLowerCase(Locale.ROOT);
        return removedNames.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .anyMatch(n -> n.equals(stem) || n.contains(q));
    }

    private static DocumentRecord single(List<DocumentRecord> all, String query) {
        List<DocumentRecord> found = match(all, query);
        if (found.isEmpty()) {
            throw new KbException(ExitCode.NO_INPUT, "no document matches '" + query + "'; see 'kb list'");
        }
        if (found.size() > 1) {
            StringBuilder names = new StringBuilder();
            for (DocumentRecord d : found.subList(0, Math.min(10, found.size()))) {
                names.append(names.length() == 0 ? "" : ", ").append(d.name()).append(" (").append(d.fileName()).append(')');
            }
            throw new KbException(ExitCode.USAGE, "'" + query + "' matches " + found.size() + " documents: " + names
                    + (found.size() > 10 ? ", …" : "") + "; use the exact document name");
        }
        return found.get(0);
    }
}
