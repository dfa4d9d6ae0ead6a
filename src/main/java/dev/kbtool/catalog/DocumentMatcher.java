package dev.kbtool.catalog;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
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
