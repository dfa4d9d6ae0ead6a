package dev.kbtool.convert;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDF to Markdown with PDFBox: text in reading order page by page, headings, lists, images,
 * metadata and outline. The file is read through a buffered random-access view and PDFBox's
 * scratch streams go to temp files, so a big PDF is never held in memory whole.
 */
public final class PdfConverter implements Converter {
    private static final int MAX_REASON = 120;
    private static final java.util.Set<String> GENERIC_SECTIONS = java.util.Set.of("contents", "table of contents",
            "abstract", "preface", "foreword", "introduction", "index", "references", "bibliography", "acknowledgements",
            "acknowledgments", "summary", "inhalt", "inhaltsverzeichnis", "table des matières", "sommaire", "índice",
            "目次", "目录", "содержание");

    @Override
    public List<String> extensions() {
        return List.of("pdf");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        Path input = request.input();
        checkInterrupted();
        PdfFileCheck.check(input);
        try (PDDocument document = open(input)) {
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw new ConversionException("damaged PDF: no pages found");
            }
            List<OutlineEntry> outline = PdfOutline.read(document);
            PdfImageSaver images = request.imagesDir() == null ? null : new PdfImageSaver(request.imagesDir());
            PdfTextCollector collector = new PdfTextCollector(pageCount, images);
            List<List<PdfLine>> runs;
            try {
                runs = collector.collect(document);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                checkInterrupted();
                throw new ConversionException("damaged PDF: " + reason(e), e);
            }
            checkInterrupted();
            if (collector.failedPages() == pageCount) {
                throw new ConversionException("damaged PDF: no page could be read");
            }
            if (!hasText(runs)) {
                throw new ConversionException("no text layer; OCR is not supported");
            }
            return build(document, runs, outline, images, request.imageLinkPrefix());
        }
    }

    private static ConvertedDocument build(PDDocument document, List<List<PdfLine>> runs, List<OutlineEntry> outline,
            PdfImageSaver images, String imageLinkPrefix) throws InterruptedIOException {
        List<List<PdfBlock>> blocks = new ArrayList<>(runs.size());
        for (List<PdfLine> page : runs) {
            checkInterrupted();
            blocks.add(PdfBlocks.of(PdfScripts.attach(page)));
        }
        PdfHeadings headings = PdfHeadings.analyse(blocks, outline);
        List<ConvertedPage> pages = new ArrayList<>(blocks.size());
        StringBuilder markdown = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            checkInterrupted();
            String page = PdfPageMarkdown.render(blocks.get(i), headings, imageLinkPrefix);
            pages.add(new ConvertedPage(i + 1, page));
            markdown.append("<!-- page ").append(i + 1).append(" -->\n\n");
            if (!page.isEmpty()) {
                markdown.append(page).append("\n\n");
            }
        }
        PDDocumentInformation info = document.getDocumentInformation();
        String title = clean(info.getTitle());
        if (title == null) {
            title = firstHeading(blocks, headings);
        }
        if (title == null) {
            title = outlineTitle(outline);
        }
        return new ConvertedDocument(title, clean(info.getAuthor()), markdown.toString(), pages, outline,
                images == null ? List.of() : images.written());
    }

    private static PDDocument open(Path input) throws IOException, ConversionException {
        RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(input);
        try {
            return Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            source.close();
            throw new ConversionException("encrypted with a password; kb cannot open it");
        } catch (IOException | RuntimeException e) {
            source.close();
            // An interrupt closes the file channel under PDFBox: that is a timeout, not a bad file.
            checkInterrupted();
            throw new ConversionException("damaged PDF: " + reason(e), e);
        }
    }

    private static boolean hasText(List<List<PdfLine>> pages) {
        for (List<PdfLine> page : pages) {
            for (PdfLine line : page) {
                if (!line.isImage() && !line.text().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The most prominent heading of the first two pages: the title when the metadata has none. */
    private static String firstHeading(List<List<PdfBlock>> blocks, PdfHeadings headings) {
        String best = null;
        int bestLevel = Integer.MAX_VALUE;
        for (int i = 0; i < Math.min(2, blocks.size()); i++) {
            for (PdfBlock block : blocks.get(i)) {
                int level = headings.level(block);
                if (level > 0 && level < bestLevel && !sectionName(block.text())) {
                    best = block.text();
                    bestLevel = level;
                }
            }
        }
        return best;
    }

    /** A bookmark to the first page that is not a numbered section: a title page's entry. */
    private static String outlineTitle(List<OutlineEntry> outline) {
        for (OutlineEntry e : outline) {
            if (e.page() == 1 && e.level() <= 1 && !e.title().isBlank() && !Character.isDigit(e.title().charAt(0))
                    && !sectionName(e.title())) {
                return e.title().strip();
            }
        }
        return null;
    }

    /** Headings every document has, which name a part of it, not the document itself. */
    private static boolean sectionName(String heading) {
        return GENERIC_SECTIONS.contains(heading.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u0000', ' ').replaceAll("\\s+", " ").strip();
        return t.isEmpty() || t.equalsIgnoreCase("untitled") ? null : t;
    }

    private static void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("conversion interrupted");
        }
    }

    /** PDFBox's message, first line only and bounded: the user reads one line per file. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.lines().findFirst().orElse("").strip();
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
    }
}
