package dev.kbtool.convert;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the first and last bytes of a file said to be a PDF, before PDFBox is asked to parse it. */
final class PdfFileCheck {
    /** Readers accept the header anywhere in the first kilobyte (some files start with junk). */
    private static final int HEAD = 1024;
    /** Some writers leave a little junk after the end-of-file marker. */
    private static final int TAIL = 4096;

    private PdfFileCheck() {
    }

    static void check(Path input) throws IOException, ConversionException {
        long size = Files.size(input);
        if (size == 0) {
            throw new ConversionException("empty file");
        }
        try (RandomAccessFile file = new RandomAccessFile(input.toFile(), "r")) {
            byte[] head = read(file, 0, (int) Math.min(HEAD, size));
            if (indexOf(head, "%PDF-") < 0) {
                throw new ConversionException("not a PDF: the file looks like " + ContentSniffer.describe(head));
            }
            long tailStart = Math.max(0, size - TAIL);
            byte[] tail = read(file, tailStart, (int) (size - tailStart));
            if (indexOf(tail, "%%EOF") < 0) {
                throw new ConversionException("truncated PDF: the end of the file is missing");
            }
        }
    }

    private static byte[] read(RandomAccessFile file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        file.seek(offset);
        file.readFully(bytes);
        return bytes;
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
