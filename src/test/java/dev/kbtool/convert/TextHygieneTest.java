package dev.kbtool.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.render.Frontmatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextHygieneTest {
    @Test
    void dropsControlsSurrogatesAndNoncharactersKeepingEverythingElse() {
        String dirty = "a\u0000b\u007Fc\u0085d\tE\nF\uD800G\uFFFEH\uFEFF😀 é 技";

        assertThat(TextHygiene.clean(dirty)).isEqualTo("abcd\tE\nFGH😀 é 技");
        assertThat(TextHygiene.clean("clean text")).isSameAs("clean text");
    }

    @Test
    void frontmatterWithOddCharactersStillParses() throws Exception {
        String page = Frontmatter.render(Map.of("description", "a \u007F b \u0001 c"), "body");

        assertThat(Frontmatter.parse(page).text("description")).contains("a  b  c");
    }
}
