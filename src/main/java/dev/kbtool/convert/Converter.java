package dev.kbtool.convert;

import java.io.IOException;
import java.util.List;

/**
 * Turns one file format into Markdown. Implementations are stateless and thread-safe: they
 * run on prepare workers, several at once. A long conversion checks
 * {@link Thread#isInterrupted()} between units of work (pages, sheets) and gives up with an
 * {@link java.io.InterruptedIOException} when interrupted, so a timed-out file frees its thread.
 */
public interface Converter {
    /** Lower-case file extensions (without the dot) this converter reads. */
    List<String> extensions();

    ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException;
}
