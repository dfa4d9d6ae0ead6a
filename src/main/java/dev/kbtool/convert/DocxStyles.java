package dev.kbtool.convert;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a DOCX's styles and numbering say about structure: the heading level of each paragraph
 * style (from its name, "heading 2" or "Title", or its outline level, which localized styles
 * such as "Überschrift 2" carry too; inherited through {@code basedOn}), the list numbering a
 * style implies, and whether a list level is numbered or bulleted.
 */
final class DocxStyles {
    private static final Pattern HEADING_NAME = Pattern.compile("^heading\\s*([1-9])$");

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> basedOn = new HashMap<>();
    private final Map<String, Integer> outlineLevels = new HashMap<>();
    private final Map<String, String> styleNumIds = new HashMap<>();
    private final Map<String, String> numToAbstract = new HashMap<>();
    private final Map<String, String> levelFormats = new HashMap<>();

    static DocxStyles read(DocxPackage docx, String stylesPart, String numberingPart)
            throws IOException, ConversionException, XMLStreamException {
        DocxStyles styles = new DocxStyles();
        XMLStreamReader r = docx.xml(stylesPart);
        if (r != null) {
            styles.readStyles(r);
        }
        r = docx.xml(numberingPart);
        if (r != null) {
            styles.readNumbering(r);
        }
        return styles;
    }

    private void readStyles(XMLStreamReader r) throws XMLStreamException {
        String current = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "style" -> current = "paragraph".equals(attr(r, "type")) || attr(r, "type") == null
                            ? attr(r, "styleId") : null;
                    case "name" -> put(names, current, attr(r, "val"));
                    case "basedOn" -> put(basedOn, current, attr(r, "val"));
                    case "outlineLvl" -> {
                        if (current != null) {
                            outlineLevels.put(current, parse(attr(r, "val"), 9));
                        }
                    }
                    case "numId" -> put(styleNumIds, current, attr(r, "val"));
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("style")) {
                current = null;
            }
        }
    }

    private void readNumbering(XMLStreamReader r) throws XMLStreamException {
        String abstractId = null;
        String level = null;
        String num = null;
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "abstractNum" -> abstractId = attr(r, "abstractNumId");
                case "lvl" -> level = attr(r, "ilvl");
                case "numFmt" -> {
                    if (abstractId != null && level != null) {
                        levelFormats.putIfAbsent(abstractId + "/" + level, attr(r, "val"));
                    }
                }
                case "num" -> num = attr(r, "numId");
                case "abstractNumId" -> put(numToAbstract, num, attr(r, "val"));
                default -> {
                }
            }
        }
    }

    /** The heading level (1-6) of a paragraph style, or 0. */
    int headingLevel(String styleId) {
        Set<String> seen = new HashSet<>();
        for (String s = styleId; s != null && seen.add(s); s = basedOn.get(s)) {
            String name = names.getOrDefault(s, s).toLowerCase(Locale.ROOT).strip();
            if (name.equals("title")) {
                return 1;
            }
            Matcher m = HEADING_NAME.matcher(name);
            if (m.matches()) {
                return Math.min(6, Integer.parseInt(m.group(1)));
            }
            Integer outline = outlineLevels.get(s);
            if (outline != null && outline < 9) {
                return Math.min(6, outline + 1);
            }
        }
        return 0;
    }

    boolean isTitle(String styleId) {
        return styleId != null && "title".equalsIgnoreCase(names.getOrDefault(styleId, styleId).strip());
    }

    /** The list a style puts its paragraphs in (list styles such as "List Bullet"), or null. */
    String styleNumId(String styleId) {
        Set<String> seen = new HashSet<>();
        for (String s = styleId; s != null && seen.add(s); s = basedOn.get(s)) {
            String id = styleNumIds.get(s);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** Whether a list level is numbered (decimal, letters, roman) rather than bulleted. */
    boolean isOrdered(String numId, int level) {
        String abstractId = numToAbstract.get(numId);
        String format = abstractId == null ? null : levelFormats.get(abstractId + "/" + level);
        return format != null && !format.equals("bullet") && !format.equals("none");
    }

    static String attr(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    static int parse(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (key != null && value != null) {
            map.put(key, value);
        }
    }
}
