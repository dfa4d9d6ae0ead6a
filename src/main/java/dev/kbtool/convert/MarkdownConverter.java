package dev.kbtool.convert;

import dev.kbtool.text.CodeFences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown is already the wiki's format: kept as written, frontmatter included. The title is the
 * frontmatter's {@code title:}, else the first level-1 heading. Local images next to the file are
 * copied into the images folder and their links rewritten ({@link MarkdownImages}). Big files are
 * split into parts ({@link TextParts}).
 */
public final class MarkdownConverter implements Converter {
    private static final Pattern H1 = Pattern.compile("^#\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FRONTMATTER_TITLE = Pattern.compile("^title\\s*:\\s*(.*?)\\s*$");

    @Override
    public List<String> extensions() {
        return List.of("md", "markdown");
    }

    @Override
    public ConvertedDocument convert(ConversionRequest request) throws IOException, ConversionException {
        String text = TextDecoding.decode(Files.readAllBytes(request.input()));
        List<String> images = List.of();
        if (request.imagesDir() != null) {
            Path folder = request.input().toAbsolutePath().getParent();
            MarkdownImages rewriter = new MarkdownImages(folder, request.imagesDir(), request.imageLinkPrefix());
            text = rewriter.rewrite(text);
            images = rewriter.written();
        }
        return TextParts.split(title(text), text, images);
    }

    static String title(String text) {
        List<String> lines = text.lines().toList();
        int start = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().equals("---") || line.strip().equals("...")) {
                    start = i + 1;
                    break;
                }
                Matcher m = FRONTMATTER_TITLE.matcher(line);
                if (m.matches() && !m.group(1).isEmpty()) {
                    return unquote(m.group(1));
                }
            }
        }
        CodeFences fences = new CodeFences();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!fences.code(line)) {
                Matcher m = H1.matcher(line);
                if (m.matches()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
