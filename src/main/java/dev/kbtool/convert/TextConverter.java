package dev.kbtool.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Plain text stays as it is; only the encoding is normalised to UTF-8. */
public final class TextConverter implements Converter {
    @Override
    public List<String> extensions() {
        return List.of("txt", "text");
    }

    @Override
    public ConvertedDocument convert(Path input) throws IOException, ConversionException {
        String text = TextDecoding.decode(Files.readAllBytes(input)).replace("\r\n", "\n");
        return new ConvertedDocument(null, text, 0);
    }
}
