package dev.kbtool.compile;

import java.util.List;

/**
 * The document-local result of compiling one document.
 *
 * @param title       display title
 * @param description one line, under 160 characters
 * @param sentences   the summary, as sentences taken from the document
 */
public record DocumentSummary(String title, String description, List<String> sentences) {
    public DocumentSummary {
        sentences = List.copyOf(sentences);
    }
}
