package dev.kbtool.ingest;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.layout.DocumentNames;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Wikilinks between Markdown notes, as their source pages keep them. A note's {@code [[target]]}
 * that names a document of the knowledge base — by its kb name or its file name without the
 * extension — leads to that document's source page; one naming nothing kb holds stays as written,
 * recorded in the {@code links} table as written, so the note it names can point it at its page
 * when it is added later.
 */
final class NoteLinks {
    private NoteLinks() {
    }

    /** The source page a link target names, with this document ({@code self}, from {@code fileName}) among the candidates. */
    static Function<String, String> resolver(Catalog catalog, String self, String fileName) {
        String selfStem = DocumentNames.stem(fileName);
        return target -> {
            String name = lastSegment(target);
            if (name.isEmpty()) {
                return null;
            }
            if (name.equals(self) || name.equalsIgnoreCase(selfStem)) {
                return "sources/" + self;
            }
            // kb names a document by the slug of its file name: "My Note" was My Note.md, now my-note.
            Optional<DocumentRecord> doc = catalog.documentByName(name);
            String slug = DocumentNames.slug(name);
            if (doc.isEmpty() && !slug.isEmpty()) {
                doc = catalog.documentByName(slug);
            }
            return doc.map(d -> "sources/" + d.name()).orElse(null);
        };
    }

    /**
     * Other documents' source pages (vault-relative, {@code sources/x.md}) holding a link, as
     * written, that names the document being added as {@code name} from {@code fileName}.
     */
    static Set<String> waitingFor(Catalog catalog, String name, String fileName) {
        Set<String> pages = new TreeSet<>();
        String stem = DocumentNames.stem(fileName);
        for (String target : new TreeSet<>(java.util.List.of(name, stem, name + ".md", stem + ".md"))) {
            for (String page : catalog.pagesLinkingTo(target)) {
                if (page.startsWith("sources/") && !page.equals("sources/" + name + ".md")) {
                    pages.add(page);
                }
            }
        }
        return pages;
    }

    private static String lastSegment(String target) {
        String last = target.substring(target.lastIndexOf('/') + 1).strip();
        return last.toLowerCase(Locale.ROOT).endsWith(".md") ? last.substring(0, last.length() - 3) : last;
    }
}
