package dev.kbtool.compile.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonRepliesTest {
    @Test
    void findsTheObjectInFencesAndProse() throws Exception {
        assertThat(JsonReplies.extractObject("{\"a\": 1}").path("a").asInt()).isEqualTo(1);
        assertThat(JsonReplies.extractObject("```json\n{\"a\": 2}\n```").path("a").asInt()).isEqualTo(2);
        assertThat(JsonReplies.extractObject("Here you go {as asked}:\n```\n{\"a\": 3,}\n```\nDone.").path("a").asInt())
                .isEqualTo(3);
        assertThat(JsonReplies.extractObject("Result: {\"a\": {\"b\": \"}\"}} -- hope that helps").path("a")
                .path("b").asText()).isEqualTo("}");
    }

    @Test
    void saysWhyThereIsNoObject() {
        assertThatThrownBy(() -> JsonReplies.extractObject("  ")).hasMessage("the answer was empty");
        assertThatThrownBy(() -> JsonReplies.extractObject("I'm sorry, I can't.")).hasMessage("it contains no JSON object");
        assertThatThrownBy(() -> JsonReplies.extractObject("{\"a\": [1, 2"))
                .hasMessageStartingWith("the JSON object is not well-formed (");
        assertThatThrownBy(() -> JsonReplies.extractObject("[1, 2]")).hasMessage("it contains no JSON object");
    }
}
