package dev.kbtool.cli;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for a DOC parameter. The names are in the knowledge base, not known
 * when the completion script is made, so the script gets one placeholder that
 * {@link CompletionScript} turns into a call of a shell function listing the names of the
 * knowledge base the command line points at.
 */
final class DocumentNames implements Iterable<String> {
    static final String PLACEHOLDER = "__kb_document_names__";

    @Override
    public Iterator<String> iterator() {
        return List.of(PLACEHOLDER).iterator();
    }
}
