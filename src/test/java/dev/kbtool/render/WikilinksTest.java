package dev.kbtool.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WikilinksTest {
    @Test
    void missingTargetsBecomePlainTextKeepingAliases() {
        String text = "See [[concepts/graph]], [[concepts/ghost|the ghost]] and [[entities/nobody]] or ![[pic.png]].";

        String out = Wikilinks.unlinkMissing(text, Set.of("concepts/graph")::contains);

        assertThat(out).isEqualTo("See [[concepts/graph]], the ghost and nobody or pic.png.");
    }

    @Test
    void codeIsNeverTouched() {
        String text = "Run `[[ -f x ]]` here.\n\n```bash\nif [[ -f \"$f\" ]]; then echo; fi\n```\n\nA [[Link]] after.\n";

        assertThat(Wikilinks.unlinkAll(text))
                .isEqualTo("Run `[[ -f x ]]` here.\n\n```bash\nif [[ -f \"$f\" ]]; then echo; fi\n```\n\nA Link after.\n");
        assertThat(Wikilinks.targets(text)).containsExactly("Link");
    }

    @Test
    void aLongFenceEndsOnlyAtItsOwnLengthAndLinksAfterItCount() {
        // kb writes ~~~~ fences around code that contains ```; the links after them are real.
        String text = "[[a]]\n\n~~~~\n```\n[[in-code]]\n```\n~~~~\n\n[[b]] and `[[span]]`\n";

        assertThat(Wikilinks.targets(text)).containsExactly("a", "b");
        assertThat(Wikilinks.unlinkMissing(text, t -> false))
                .isEqualTo("a\n\n~~~~\n```\n[[in-code]]\n```\n~~~~\n\nb and `[[span]]`\n");
    }

    @Test
    void headingAndBlockReferencesKeepTheirTarget() {
        assertThat(Wikilinks.targets("[[summaries/a#Summary|sum]] [[b^block]]")).containsExactly("summaries/a", "b");
    }

    @Test
    void aliasesAreSanitized() {
        assertThat(Wikilinks.link("summaries/a", "A | B ]] c")).isEqualTo("[[summaries/a|A - B  c]]");
    }
}
