package dev.kbtool.kb;

import java.util.List;
import java.util.Locale;

/**
 * Finds the documents a person means by a name: the exact document name, else the exact
 * original file name, else every document whose name or file name contains the text
 * (ignoring case). Commands that change things refuse when the answer is not exactly one.
 */
public final class DocumentMatcher {
    private DocumentMatcher() {
    }

    public static List<DocumentRecord> match(Catalog catalog, String query) {
        List<DocumentRecord> all = catalog.documents();
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

    /** Exactly one document for the query, or a failure that lists the candidates and changes nothing. */
    public static DocumentRecord single(Catalog catalog, String query) {
        List<DocumentRecord> found = match(catalog, query);
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
