package dev.kbtool.llm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of a {@code text/event-stream} body, arriving in arbitrary pieces, into
 * events. Lines are cut on bytes before decoding, so a character split across two reads
 * stays whole (a line break byte never occurs inside a UTF-8 sequence).
 */
final class SseDecoder {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private String event;
    private boolean hasData;
    private boolean afterCr;

    /** The events completed by this piece of the body, in order. */
    List<SseEvent> feed(byte[] bytes) {
        List<SseEvent> out = new ArrayList<>();
        for (byte b : bytes) {
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine(out);
            } else {
                line.write(b);
            }
        }
        return out;
    }

    private void endLine(List<SseEvent> out) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            if (hasData) {
                out.add(new SseEvent(event == null ? "message" : event, data.toString()));
            }
            event = null;
            data.setLength(0);
            hasData = false;
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if (field.equals("event")) {
            event = value;
        }
    }
}
