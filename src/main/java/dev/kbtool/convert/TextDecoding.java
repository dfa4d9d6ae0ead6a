package dev.kbtool.convert;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes text files. A byte order mark decides (UTF-8, UTF-16 LE/BE); without one the bytes must
 * be valid UTF-8. Other bytes are refused with a reason rather than guessed at: binary data says
 * what it looks like, legacy 8-bit text asks to be converted to UTF-8 (the team's add contract
 * expects "not valid UTF-8"; a guessed windows-1252 reading would silently garble text in other
 * legacy encodings). Line ends become LF. The result is always valid Unicode, so the UTF-8
 * written from it is valid too.
 */
final class TextDecoding {
    private TextDecoding() {
    }

    /** Bytes read ahead to detect the encoding, or binary data, before streaming. */
    private static final int HEAD = 8192;

    /**
     * A file's text as a stream, for files too big to hold twice (a 60 MB table): the encoding
     * and binary checks of {@link #decode} run on the first bytes; bytes further on that are not
     * valid in the encoding make reading fail with a {@link java.nio.charset.CharacterCodingException}.
     * Line ends are left as they are.
     */
    static Reader open(Path file) throws IOException, ConversionException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), HEAD);
        try {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            Charset charset = StandardCharsets.UTF_8;
            int skip = 0;
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                skip = 3;
            } else if (startsWith(head, 0xFE, 0xFF)) {
                charset = StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (startsWith(head, 0xFF, 0xFE)) {
                charset = StandardCharsets.UTF_16LE;
                skip = 2;
            } else {
                checkUtf8Head(head, head.length == HEAD);
            }
            in.skipNBytes(skip);
            return new BufferedReader(new InputStreamReader(in, decoder(charset)));
        } catch (IOException | ConversionException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Refuses a file whose first bytes are binary or not UTF-8, as {@link #decode} would. */
    private static void checkUtf8Head(byte[] head, boolean truncated) throws ConversionException {
        java.nio.charset.CharsetDecoder utf8 = decoder(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        // A character cut at the end of the head is not an error: the rest is in the stream.
        java.nio.charset.CoderResult result = utf8.decode(bytes, java.nio.CharBuffer.allocate(head.length), !truncated);
        boolean valid = !result.isError() && (truncated || !bytes.hasRemaining());
        if (!valid) {
            if (!ContentSniffer.looksLikeText(head)) {
                throw new ConversionException("binary data, not text (the file looks like "
                        + ContentSniffer.describe(java.util.Arrays.copyOf(head, Math.min(head.length, 512))) + ")");
            }
            throw new ConversionException("not valid UTF-8 text (legacy encoding?); convert the file to UTF-8 first");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ConversionException("binary data, not text (it contains NUL bytes)");
            }
        }
    }

    static String decode(byte[] bytes) throws ConversionException {
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(bytes, 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16BE);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16LE);
        } else {
            text = tryUtf8(bytes);
            if (text == null) {
                if (!ContentSniffer.looksLikeText(bytes)) {
                    throw new ConversionException("binary data, not text (the file looks like "
                            + ContentSniffer.describe(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 512))) + ")");
                }
                throw new ConversionException("not valid UTF-8 text (legacy encoding?); convert the file to UTF-8 first");
            } else if (text.indexOf('\u0000') >= 0) {
                throw new ConversionException("binary data, not text (it contains NUL bytes)");
            }
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String tryUtf8(byte[] bytes) {
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) throws ConversionException {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new ConversionException("not valid " + charset.name() + " text although it starts with a "
                    + charset.name() + " byte order mark");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
