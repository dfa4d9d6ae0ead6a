package dev.kbtool.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether a sentence holds the kind of thing a question asks for. */
class AnswerTypeTest {
    @Test
    void aWhoQuestionIsAnsweredBySomeoneTheQuestionDoesNotNameNotByADate() {
        String question = "Who succeeded Ian Murdock as project leader?";
        Set<AnswerType> types = AnswerType.of(question);

        assertThat(types).containsExactly(AnswerType.PERSON);
        assertThat(AnswerType.anyIn(types, "The project was founded by Ian Murdock on August 16th, 1993.", question))
                .as("a month is not a person").isFalse();
        assertThat(AnswerType.anyIn(types, "It was announced by Ian Murdock on a Monday.", question)).isFalse();
        assertThat(AnswerType.anyIn(types, "In 1996 Bruce Perens succeeded Ian Murdock.", question)).isTrue();
    }
}
