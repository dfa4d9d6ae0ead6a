package dev.kbtool.convert;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * DOCX to Markdown with the JDK's zip and StAX parsers only: see {@link DocxBody} for the text,
 * {@link DocxStyles} for headings and lists, {@link DocxPackage} for the zip-bomb and XXE guards.
 * The title is the first Title paragraph, else {@code docProps/core.xml}'s, else the first
 * level-1 heading; the author comes from {@code docProps/core.xml}.
 */
public final class DocxConverter implements Converter {
    private static final String OFFICE_DOCUMENT = "word/document.xml";

    @Override
    public List<String> extensions() {
        return List.of("docx");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        try (DocxPackage docx = DocxPackage.open(request.input())) {
            if (!docx.has(OFFICE_DOCUMENT)) {
                throw new ConversionException("not a Word document: " + OFFICE_DOCUMENT + " is missing");
            }
            DocxStyles styles = DocxStyles.read(docx, "word/styles.xml", "word/numbering.xml");
            Map<String, String> rels = docx.relationships(OFFICE_DOCUMENT);
            DocxImages images = request.imagesDir() == null ? null
                    : new DocxImages(docx, request.imagesDir(), request.imageLinkPrefix());
            DocxBody body = new DocxBody(styles, rels, images);
            String markdown = body.render(docx.xml(OFFICE_DOCUMENT));
            String[] core = coreProperties(docx);
            // The Title paragraph is what the reader sees; core properties are often left from a
            // template ("Document1") or the file it was copied from, so they come second.
            String title = firstNonNull(body.title(), core[0], body.firstHeading());
            return new ConvertedDocument(title, core[1], markdown, List.of(), List.of(),
                    images == null ? List.of() : images.written());
        } catch (XMLStreamException e) {
            if (causedByZipBomb(e)) {
                throw new ConversionException("DOCX inflates to more than the allowed size (possible zip bomb)");
            }
            throw new ConversionException("damaged DOCX: " + firstLine(e.getMessage()));
        } catch (DocxPackage.ZipBombException e) {
            throw new ConversionException(e.getMessage());
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** dc:title and dc:creator, blank ones as null. */
    private static String[] coreProperties(DocxPackage docx) throws IOException, ConversionException, XMLStreamException {
        String[] values = new String[2];
        XMLStreamReader r = docx.xml("docProps/core.xml");
        if (r == null) {
            return values;
        }
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                int index = switch (r.getLocalName()) {
                    case "title" -> 0;
                    case "creator" -> 1;
                    default -> -1;
                };
                if (index >= 0) {
                    String text = r.getElementText().strip();
                    values[index] = text.isEmpty() ? null : text;
                }
            }
        }
        return values;
    }

    private static boolean causedByZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DocxPackage.ZipBombException) {
                return true;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() instanceof DocxPackage.ZipBombException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable XML" : s.lines().findFirst().orElse("").strip();
    }
}
