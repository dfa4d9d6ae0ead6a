package dev.kbtool.lint;

import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.layout.KbLayout;
import dev.kbtool.render.Frontmatter;
import dev.kbtool.render.Wikilinks;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every Markdown page of the wiki read once, with its frontmatter and links, for the checks. */
public final class WikiPages {
    /**
     * One page.
     *
     * @param path         KB-relative, e.g. {@code wiki/concepts/graph.md}
     * @param link         its wikilink target, e.g. {@code concepts/graph}
     * @param text         the content, null when not valid UTF-8
     * @param frontmatter  parsed frontmatter, null when it does not parse
     * @param problem      why it does not parse, else null
     * @param links        wikilink targets outside code
     */
    public record Page(String path, String link, String text, Frontmatter.Parsed frontmatter, String problem,
            List<String> links) {
        public boolean in(String folder) {
            return path.startsWith("wiki/" + folder + "/");
        }

        /** Pages kb compiles and OKF governs. */
        public boolean knowledge() {
            return in("summaries") || in("concepts") || in("entities");
        }
    }

    private WikiPages() {
    }

    public static List<Page> load(KbLayout layout) throws IOException {
        List<Page> pages = new ArrayList<>();
        if (!Files.isDirectory(layout.wiki())) {
            return pages;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(layout.wiki())) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.toString().endsWith(".md")
                    && !AtomicFiles.isTemp(p) && !p.equals(layout.agentsFile())).sorted().toList();
        }
        for (Path file : files) {
            String rel = layout.relative(file);
            String link = rel.substring("wiki/".length(), rel.length() - 3);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (CharacterCodingException e) {
                pages.add(new Page(rel, link, null, null, "not valid UTF-8", List.of()));
                continue;
            }
            Frontmatter.Parsed fm = null;
            String problem = null;
            try {
                fm = Frontmatter.parse(text);
            } catch (Frontmatter.InvalidFrontmatter e) {
                problem = e.getMessage();
            }
            pages.add(new Page(rel, link, text, fm, problem, Wikilinks.targets(text)));
        }
        return pages;
    }
}
