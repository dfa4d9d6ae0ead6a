package dev.kbtool.convert;

import dev.kbtool.text.LineJoin;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole document's Markdown: the pages in order, each after its {@code <!-- page N -->}
 * marker, with a paragraph that runs on over a page break kept whole. The part of it on the next
 * page joins it where it starts, so the marker of that page follows the paragraph (and the
 * footnotes of the page it started on); each page's own Markdown still holds only its own text.
 */
final class PdfDocumentMarkdown {
    private PdfDocumentMarkdown() {
    }

    static String render(List<List<PdfPageMarkdown.Part>> pages, List<String> notes, PdfFlow flow,
            LineJoin.Hyphens hyphens, String imageLinkPrefix) {
        List<List<PdfPageMarkdown.Part>> kept = new ArrayList<>(pages.size());
        for (List<PdfPageMarkdown.Part> page : pages) {
            kept.add(new ArrayList<>(page));
        }
        // The page and index of the last paragraph seen: where a continuation on a later page goes.
        int openPage = -1;
        int openIndex = -1;
        for (int p = 0; p < pages.size(); p++) {
            List<PdfPageMarkdown.Part> page = pages.get(p);
            if (p > 0 && openPage >= 0 && !pages.get(p - 1).isEmpty()) {
                int j = flow.continuation(blocks(pages.get(p - 1)), blocks(page));
                PdfPageMarkdown.Part open = kept.get(openPage).get(openIndex);
                if (j >= 0 && open.runsOn() && lastOf(pages.get(p - 1)).runsOn()) {
                    PdfPageMarkdown.Part next = page.get(j);
                    kept.get(openPage).set(openIndex, open.followedBy(next));
                    kept.get(p).set(j, null);
                    if (j == page.size() - 1) {
                        // The whole page is that paragraph's: it stays open for the next page.
                        continue;
                    }
                }
            }
            openPage = -1;
            for (int i = kept.get(p).size() - 1; i >= 0; i--) {
                if (kept.get(p).get(i) != null) {
                    openPage = p;
                    openIndex = i;
                    break;
                }
            }
        }
        StringBuilder md = new StringBuilder();
        for (int p = 0; p < pages.size(); p++) {
            md.append("<!-- page ").append(p + 1).append(" -->\n\n");
            StringBuilder page = new StringBuilder();
            PdfPageMarkdown.Part previous = null;
            for (PdfPageMarkdown.Part part : kept.get(p)) {
                if (part != null) {
                    PdfPageMarkdown.append(page, part, previous, hyphens, imageLinkPrefix);
                    previous = part;
                }
            }
            if (!notes.get(p).isEmpty()) {
                page.append(page.length() == 0 ? "" : "\n\n").append(notes.get(p));
            }
            if (page.length() > 0) {
                md.append(page).append("\n\n");
            }
        }
        return md.toString();
    }

    private static List<PdfBlock> blocks(List<PdfPageMarkdown.Part> parts) {
        List<PdfBlock> blocks = new ArrayList<>(parts.size());
        for (PdfPageMarkdown.Part part : parts) {
            blocks.add(part.block());
        }
        return blocks;
    }

    private static PdfPageMarkdown.Part lastOf(List<PdfPageMarkdown.Part> parts) {
        return parts.get(parts.size() - 1);
    }
}
