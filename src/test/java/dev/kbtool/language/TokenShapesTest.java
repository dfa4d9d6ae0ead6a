package dev.kbtool.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenShapesTest {
    @Test
    void latinMeansLatinLettersNotMathematicalSymbolsOrOtherScripts() {
        assertThat(TokenShapes.latin("Muon")).isTrue();
        assertThat(TokenShapes.latin("Sørensen")).isTrue();
        // Mathematical italic K and s (U+1D43E, U+1D460), as a PDF's formulas give them.
        assertThat(TokenShapes.latin("\uD835\uDC3E\uD835\uDC60")).isFalse();
        assertThat(TokenShapes.latin("Москва")).isFalse();
    }
}
