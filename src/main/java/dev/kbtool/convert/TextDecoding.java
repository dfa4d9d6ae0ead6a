package dev.kbtool.convert;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
