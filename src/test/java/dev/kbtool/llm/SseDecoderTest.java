package dev.kbtool.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {
    private static final String STREAM = ": keep-alive comment\n"
            + "event: content_block_delta\n"
            + "data: {\"text\":\"naïve 東京\"}\n\n"
            + "data: first line\r\n"
            + "data: second line\r\n\r\n"
            + "data:no-space\n\n"
            + "event: ignored without data\n\n"
            + "data: [DONE]\n\n";
    private static final List<SseEvent> EXPECTED = List.of(
            new SseEvent("content_block_delta", "{\"text\":\"naïve 東京\"}"),
            new SseEvent("message", "first line\nsecond line"),
            new SseEvent("message", "no-space"),
            new SseEvent("message", "[DONE]"));

    @Test
    void decodesEventsWhole() {
        assertThat(new SseDecoder().feed(STREAM.getBytes(StandardCharsets.UTF_8))).isEqualTo(EXPECTED);
    }

    @Test
    void decodesTheSameEventsWhereverTheBytesAreCut() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size <= 7; size++) {
            SseDecoder decoder = new SseDecoder();
            List<SseEvent> events = new ArrayList<>();
            for (int i = 0; i < bytes.length; i += size) {
                events.addAll(decoder.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size))));
            }
            assertThat(events).as("pieces of %d bytes", size).isEqualTo(EXPECTED);
        }
    }

    @Test
    void anUnfinishedEventIsNotDelivered() {
        assertThat(new SseDecoder().feed("data: {\"partial\":".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
