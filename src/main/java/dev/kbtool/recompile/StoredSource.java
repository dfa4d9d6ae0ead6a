package dev.kbtool.recompile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.catalog.DocumentRecord;
import dev.kbtool.compile.CompileInput;
import dev.kbtool.convert.ConvertedPage;
import dev.kbtool.layout.DocumentNames;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.render.Frontmatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A document's converted text as kb stored it in {@code wiki/sources/}, read back for
 * {@code kb recompile} so compiling again never needs the original or a conversion.
 */
final class StoredSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredSource() {
    }

    /** What the compiler needs: the text (per page for long documents) and the title last used. */
    static CompileInput read(KbLayout layout, DocumentRecord doc, String title) throws IOException {
        Path file = layout.root().resolve(doc.sourcePath());
        String fallback = DocumentNames.stem(doc.fileName());
        if (doc.sourcePath().endsWith(".json")) {
            List<ConvertedPage> pages = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (JsonNode page : JSON.readTree(file.toFile())) {
                ConvertedPage p = new ConvertedPage(page.path("page").asInt(), page.path("content").asText());
                pages.add(p);
                text.append("<!-- page ").append(p.number()).append(" -->\n\n").append(p.markdown()).append("\n\n");
            }
            return new CompileInput(title, fallback, text.toString(), pages);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!doc.type().equals("md") && !doc.type().equals("markdown")) {
            try {
                // Converted formats carry the frontmatter kb added; the compiler reads the body.
                text = Frontmatter.parse(text).body();
            } catch (Frontmatter.InvalidFrontmatter e) {
                // Hand-edited beyond parsing: compile the page as it stands.
            }
        }
        return new CompileInput(title, fallback, text, List.of());
    }
}
