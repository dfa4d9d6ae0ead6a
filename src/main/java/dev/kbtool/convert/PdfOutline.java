package dev.kbtool.convert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/** Reads a PDF's bookmarks into outline entries with 1-based page numbers. */
final class PdfOutline {
    /** Damaged or hostile outlines can loop or nest without end; these caps keep reading bounded. */
    private static final int MAX_DEPTH = 16;
    private static final int MAX_ENTRIES = 10_000;

    private PdfOutline() {
    }

    static List<OutlineEntry> read(PDDocument document) {
        PDDocumentOutline outline;
        try {
            outline = document.getDocumentCatalog().getDocumentOutline();
        } catch (RuntimeException e) {
            return List.of();
        }
        if (outline == null) {
            return List.of();
        }
        Map<COSDictionary, Integer> pageNumbers = new IdentityHashMap<>();
        int n = 0;
        for (PDPage page : document.getPages()) {
            pageNumbers.putIfAbsent(page.getCOSObject(), ++n);
        }
        List<OutlineEntry> entries = new ArrayList<>();
        Set<COSDictionary> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            addChildren(document, outline, 1, pageNumbers, visited, entries);
        } catch (RuntimeException e) {
            // Keep what was read before the damaged part.
        }
        return entries;
    }

    private static void addChildren(PDDocument document, PDOutlineNode node, int level,
            Map<COSDictionary, Integer> pageNumbers, Set<COSDictionary> visited, List<OutlineEntry> entries) {
        if (level > MAX_DEPTH) {
            return;
        }
        for (PDOutlineItem item : node.children()) {
            if (entries.size() >= MAX_ENTRIES || !visited.add(item.getCOSObject())) {
                return;
            }
            String title = item.getTitle() == null ? "" : item.getTitle().replaceAll("\\s+", " ").strip();
            if (!title.isEmpty()) {
                entries.add(new OutlineEntry(level, title, page(document, item, pageNumbers)));
            }
            addChildren(document, item, level + 1, pageNumbers, visited, entries);
        }
    }

    private static int page(PDDocument document, PDOutlineItem item, Map<COSDictionary, Integer> pageNumbers) {
        try {
            PDPage page = item.findDestinationPage(document);
            if (page == null) {
                return 0;
            }
            return pageNumbers.getOrDefault(page.getCOSObject(), 0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
