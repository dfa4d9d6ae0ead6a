package dev.kbtool.ingest;

import dev.kbtool.catalog.TreeNode;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.convert.ConvertedDocument;
import dev.kbtool.search.SearchRows;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything about one input file that could be worked out without the KB lock, waiting in
 * staging for its commit.
 *
 * @param input       the input file
 * @param hash        SHA-256 of the bytes that were staged (and converted)
 * @param extension   lower-case extension of the input
 * @param stagedRaw   the staged copy of the original, published into {@code raw/} by rename
 * @param stagedImages folder of extracted images (may be empty)
 * @param converted   the conversion result; image links use {@link #imagePrefix}
 * @param analysis    the document-local compile result
 * @param imagePrefix the provisional image folder name inside links, replaced by the final document name
 * @param tree        for a long document, its page tree; empty for others
 * @param searchTexts the text the full-text index gets, made here rather than in the commit
 * @param convertMillis time the conversion took
 * @param compileMillis time the document-local compile took
 */
public record PreparedDocument(
        InputFile input,
        String hash,
        String extension,
        Path stagedRaw,
        Path stagedImages,
        ConvertedDocument converted,
        DocumentAnalysis analysis,
        String imagePrefix,
        List<TreeNode> tree,
        SearchRows.Texts searchTexts,
        long convertMillis,
        long compileMillis) {

    public PreparedDocument {
        tree = List.copyOf(tree);
    }

    /** Long documents are stored per page, with a page tree. */
    public boolean isLong() {
        return !tree.isEmpty();
    }

    /** The staging folder holding everything of this document; removed once it is committed or skipped. */
    public Path folder() {
        return stagedRaw.getParent();
    }

    public String fileName() {
        return input.path().getFileName().toString();
    }
}
