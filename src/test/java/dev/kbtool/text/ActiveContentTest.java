package dev.kbtool.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActiveContentTest {
    @Test
    void scriptBlocksAndEventAttributesGo() {
        String page = "# Notes\n\n<script>alert(1)</script>\n<SCRIPT src=\"x.js\"/>\n"
                + "<img src=\"a.png\" onerror=\"alert(2)\"> and <div onclick='steal()'>text</div>\n"
                + "<iframe src=\"https://evil\"></iframe>done\n";

        assertThat(ActiveContent.strip(page)).isEqualTo("# Notes\n\n\n\n"
                + "<img src=\"a.png\"> and <div>text</div>\ndone\n");
    }

    @Test
    void linksThatRunCodeKeepOnlyTheirText() {
        String page = "[click](javascript:alert(1)) [v](VBScript:msgbox) [d](data:text/html;base64,PHNjcmlwdD4=)"
                + " [tab](java\tscript:x) <javascript:alert(3)> <a href=\" JavaScript:evil()\">a</a>"
                + " [fine](https://example.org) <https://example.org>\n";

        String clean = ActiveContent.strip(page);

        assertThat(clean).doesNotContainIgnoringCase("](javascript").doesNotContainIgnoringCase("](vbscript")
                .doesNotContain("](data:").doesNotContain("href=").doesNotContain("<javascript");
        assertThat(clean).contains("click", "[fine](https://example.org)", "<https://example.org>", "<a>a</a>");
    }

    @Test
    void codeShowsWhatItShows() {
        String page = "```html\n<script>alert(1)</script>\n[x](javascript:y)\n```\n<script>gone()</script>\n";

        assertThat(ActiveContent.strip(page)).isEqualTo("```html\n<script>alert(1)</script>\n[x](javascript:y)\n```\n\n");
    }

    @Test
    void aPageWithoutActiveContentIsReturnedAsItIs() {
        String page = "# Title\n\nA [link](https://example.org) and <b>bold</b> text.";

        assertThat(ActiveContent.strip(page)).isEqualTo(page);
    }
}
