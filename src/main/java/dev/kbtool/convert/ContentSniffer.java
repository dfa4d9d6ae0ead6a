package dev.kbtool.convert;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Says in a few words what a file's first bytes look like, for messages about files that are not what their name says. */
final class ContentSniffer {
    private ContentSniffer() {
    }

    static String describe(byte[] head) {
        if (head.length == 0) {
            return "an empty file";
        }
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        String lower = ascii.stripLeading().replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<html")
                || lower.contains("<head") || lower.contains("<body")) {
            return "an HTML page";
        }
        if (lower.startsWith("<?xml") || lower.startsWith("<svg")) {
            return "an XML file";
        }
        if (ascii.startsWith("PK\u0003\u0004")) {
            return "a ZIP archive (perhaps a Word or OpenDocument file)";
        }
        if (ascii.startsWith("\u00D0\u00CF\u0011\u00E0")) {
            return "a legacy Microsoft Office file";
        }
        if (ascii.startsWith("\u0089PNG")) {
            return "a PNG image";
        }
        if (ascii.startsWith("\u00FF\u00D8\u00FF")) {
            return "a JPEG image";
        }
        if (ascii.startsWith("GIF8")) {
            return "a GIF image";
        }
        if (ascii.startsWith("%!PS")) {
            return "a PostScript file";
        }
        if (ascii.startsWith("\u001F\u008B")) {
            return "a gzip archive";
        }
        if (ascii.startsWith("{\\rtf")) {
            return "an RTF document";
        }
        return looksLikeText(head) ? "plain text" : "binary data";
    }

    static boolean looksLikeText(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x09 || c > 0x0D && c < 0x20 && c != 0x1B) {
                control++;
            }
        }
        return control * 20 <= head.length;
    }
}
