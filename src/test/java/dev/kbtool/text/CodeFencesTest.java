package dev.kbtool.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeFencesTest {
    private static List<Boolean> read(String... lines) {
        CodeFences fences = new CodeFences();
        List<Boolean> code = new ArrayList<>();
        for (String line : lines) {
            code.add(fences.code(line));
        }
        return code;
    }

    @Test
    void aBlockClosesOnlyWithItsOwnCharacterAtLeastAsLong() {
        assertThat(read("text", "````md", "```", "~~~", "# not a heading", "````", "# heading"))
                .containsExactly(false, true, true, true, true, true, false);
    }

    @Test
    void aClosingFenceHasNothingAfterIt() {
        assertThat(read("~~~", "~~~ python", "~~~  ", "after")).containsExactly(true, true, true, false);
    }

    @Test
    void fourSpacesOfIndentOrABacktickInTheInfoStringAreNoFence() {
        assertThat(read("    ```", "``` a`b", "text")).containsExactly(false, false, false);
    }

    @Test
    void anUnclosedBlockRunsToTheEnd() {
        assertThat(read("  ```", "![img](a.png)", "# title")).containsExactly(true, true, true);
    }
}
