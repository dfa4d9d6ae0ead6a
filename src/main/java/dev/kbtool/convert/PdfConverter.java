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
    /** A document with more than this share of its glyphs unreadable fails rather than become a page of U+FFFD. */
    private static final double MAX_UNREADABLE = 0.5;

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
            long unreadable = java.util.Arrays.stream(collector.unreadableGlyphs()).asLongStream().sum();
            if (unreadable > MAX_UNREADABLE * collector.glyphCount()) {
                throw new ConversionException("its fonts have no Unicode map and glyph names that say nothing;"
                        + " the text cannot be read");
            }
            return build(document, runs, collector.pageSizes(), collector.unreadableGlyphs(), outline, images,
                    request.imageLinkPrefix());
        }
    }

    private static ConvertedDocument build(PDDocument document, List<List<PdfLine>> runs, List<float[]> sizes,
            int[] unreadable, List<OutlineEntry> outline, PdfImageSaver images, String imageLinkPrefix)
            throws InterruptedIOException {
        List<List<PdfLine>> lines = new ArrayList<>(runs.size());
        for (List<PdfLine> page : runs) {
            lines.add(PdfScripts.attach(page));
        }
        List<PdfFurniture.Page> furnished = PdfFurniture.split(lines, sizes, outline);
        float bodySize = PdfBlocks.dominantSize(lines);
        List<List<PdfBlock>> all = new ArrayList<>(runs.size());
        List<List<PdfBlock>> body = new ArrayList<>(runs.size());
        List<List<PdfBlock>> footnotes = new ArrayList<>(runs.size());
        for (int i = 0; i < furnished.size(); i++) {
            checkInterrupted();
            List<PdfBlock> blocks = PdfBlocks.of(furnished.get(i).body());
            PdfFootnotes.Split split = PdfFootnotes.split(blocks, bodySize, sizes.get(i)[1]);
            all.add(blocks);
            body.add(split.body());
            footnotes.add(split.notes());
        }
        PdfHeadings headings = PdfHeadings.analyse(body, outline);
        PdfHyphens hyphens = PdfHyphens.of(all);
        PdfFlow flow = PdfFlow.of(body, headings, bodySize);
        List<List<PdfPageMarkdown.Part>> parts = new ArrayList<>(body.size());
        for (List<PdfBlock> page : body) {
            checkInterrupted();
            parts.add(PdfPageMarkdown.parts(flow.joinRegions(page), headings));
        }
        List<ConvertedPage> pages = new ArrayList<>(parts.size());
        List<String> notes = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            checkInterrupted();
            notes.add(PdfPageMarkdown.notes(footnotes.get(i), furnished.get(i).furniture(), unreadable[i], hyphens));
            pages.add(new ConvertedPage(i + 1, page(parts.get(i), notes.get(i), hyphens, imageLinkPrefix)));
        }
        String markdown = PdfDocumentMarkdown.render(parts, notes, flow, hyphens, imageLinkPrefix);
        PDDocumentInformation info = document.getDocumentInformation();
        String title = PdfTitle.find(body.isEmpty() ? List.of() : body, headings, clean(info.getTitle()), outline,
                sizes);
        return new ConvertedDocument(title, clean(info.getAuthor()), markdown, pages, outline,
                images == null ? List.of() : images.written());
    }

    /** One page's own Markdown: its blocks, then its footnotes and furniture. */
    private static String page(List<PdfPageMarkdown.Part> parts, String notes, PdfHyphens hyphens,
            String imageLinkPrefix) {
        StringBuilder md = new StringBuilder();
        PdfPageMarkdown.Part previous = null;
        for (PdfPageMarkdown.Part part : parts) {
            PdfPageMarkdown.append(md, part, previous, hyphens, imageLinkPrefix);
            previous = part;
        }
        if (!notes.isEmpty()) {
            md.append(md.length() == 0 ? "" : "\n\n").append(notes);
        }
        return md.toString();
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
