package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes what must never reach the wiki from extracted text: control characters (other
 * than tab and newline), unpaired surrogates and noncharacters. PDFs in particular carry
 * them from odd font encodings; YAML refuses them and editors show them as garbage.
 */
public final class TextHygiene {
    private TextHygiene() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop;
            if (Character.isHighSurrogate(c)) {
                drop = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!drop) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                drop = Character.isLowSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n')
                        || (c >= 0x7f && c <= 0x9f) || c == '\uFFFE' || c == '\uFFFF' || c == '\uFEFF';
            }
            if (drop && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The document with every piece of text cleaned. */
    public static ConvertedDocument clean(ConvertedDocument doc) {
        List<ConvertedPage> pages = new ArrayList<>(doc.pages().size());
        for (ConvertedPage p : doc.pages()) {
            pages.add(new ConvertedPage(p.number(), clean(p.markdown())));
        }
        List<OutlineEntry> outline = new ArrayList<>(doc.outline().size());
        for (OutlineEntry o : doc.outline()) {
            outline.add(new OutlineEntry(o.level(), clean(o.title()), o.page()));
        }
        return new ConvertedDocument(clean(doc.title()), clean(doc.author()), clean(doc.markdown()), pages, outline,
                doc.images());
    }
}
