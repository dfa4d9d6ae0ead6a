package dev.kbtool.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns one file format into Markdown. Implementations are stateless and thread-safe. */
public interface Converter {
    /** Lower-case file extensions (without the dot) this converter reads. */
    List<String> extensions();

    ConvertedDocument convert(Path input) throws IOException, ConversionException;
}
