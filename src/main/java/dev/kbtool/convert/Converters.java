package dev.kbtool.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Chooses the converter for a file by its extension; adding a format means adding a converter here. */
public final class Converters {
    private final Map<String, Converter> byExtension = new LinkedHashMap<>();

    public Converters(List<Converter> converters) {
        for (Converter c : converters) {
            for (String ext : c.extensions()) {
                byExtension.put(ext, c);
            }
        }
    }

    public static Converters standard() {
        return new Converters(List.of(new MarkdownConverter(), new TextConverter(), new PdfConverter(), new HtmlConverter(), new DocxConverter(), new CsvConverter()));
    }

    public Optional<Converter> forFile(Path file) {
        return Optional.ofNullable(byExtension.get(extension(file)));
    }

    public Set<String> extensions() {
        return byExtension.keySet();
    }

    /**
     * The cheap checks of a file's type that a dry run makes, each failing as the real
     * conversion would: a PDF's header and trailer, a DOCX's zip signature and package, text that
     * decodes (not binary, valid UTF-8). A file that passes may still fail to convert.
     */
    public void precheck(Path file) throws IOException, ConversionException {
        switch (extension(file)) {
            case "pdf" -> PdfFileCheck.check(file);
            case "docx" -> DocxPackage.open(file).close();
            default -> TextDecoding.open(file).close();
        }
    }

    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
