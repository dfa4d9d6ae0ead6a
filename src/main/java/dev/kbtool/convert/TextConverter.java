package dev.kbtool.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** Plain text stays as it is; only the encoding is normalised to UTF-8 and line ends to LF (see {@link TextDecoding}). */
public final class TextConverter implements Converter {
    @Override
    public List<String> extensions() {
        return List.of("txt", "text");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        return ConvertedDocument.text(null, TextDecoding.decode(Files.readAllBytes(request.input())));
    }
}
