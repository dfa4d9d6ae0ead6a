package dev.kbtool.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markdown is already the wiki's format: kept as written, with its first heading as the title. */
public final class MarkdownConverter implements Converter {
    private static final Pattern H1 = Pattern.compile("(?m)^#\\s+(.+?)\\s*#*\\s*$");

    @Override
    public List<String> extensions() {
        return List.of("md", "markdown");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        String text = TextDecoding.decode(Files.readAllBytes(request.input())).replace("\r\n", "\n");
        Matcher m = H1.matcher(text);
        return ConvertedDocument.text(m.find() ? m.group(1) : null, text);
    }
}
