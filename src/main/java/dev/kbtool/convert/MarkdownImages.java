package dev.kbtool.convert;

import dev.kbtool.text.CodeFences;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies the local images a Markdown file shows ({@code ![alt](img/a.png)} and
 * {@code <img src="...">}) into the images folder and points the links there. Only files inside
 * the document's own folder are taken; remote, data: and absolute links, and links that climb
 * out of the folder, are left as written. Code blocks are not touched.
 */
final class MarkdownImages {
    private static final Pattern MD_IMAGE = Pattern.compile("(!\\[[^\\]]*]\\(\\s*)(<[^>\\n]+>|[^)\\s]+)((?:\\s+\"[^\"]*\")?\\s*\\))");
    private static final Pattern HTML_IMAGE = Pattern.compile("(<img\\b[^>]*?\\bsrc\\s*=\\s*)([\"'])(.*?)\\2", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path folder;
    private final Path imagesDir;
    private final String prefix;
    private final Map<Path, String> copied = new HashMap<>();
    private final List<String> written = new ArrayList<>();

    MarkdownImages(Path folder, Path imagesDir, String prefix) {
        this.folder = folder;
        this.imagesDir = imagesDir;
        this.prefix = prefix == null ? "" : prefix;
    }

    List<String> written() {
        return written;
    }

    String rewrite(String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        CodeFences fences = new CodeFences();
        boolean first = true;
        for (String line : text.split("\n", -1)) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            if (fences.code(line)) {
                out.append(line);
            } else {
                out.append(rewriteLine(line));
            }
        }
        return out.toString();
    }

    private String rewriteLine(String line) throws IOException {
        Matcher m = MD_IMAGE.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String target = m.group(2);
            boolean angled = target.startsWith("<");
            String file = copy(angled ? target.substring(1, target.length() - 1) : target);
            String replacement = file == null ? m.group() : m.group(1) + link(file) + m.group(3);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        Matcher h = HTML_IMAGE.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (h.find()) {
            String file = copy(h.group(3));
            String replacement = file == null ? h.group() : h.group(1) + h.group(2) + prefix + file + h.group(2);
            h.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        h.appendTail(out);
        return out.toString();
    }

    private String link(String file) {
        return MarkdownEscape.destination(prefix + file);
    }

    /** Copies a local image; null when the link is not one kb should take. */
    private String copy(String link) throws IOException {
        if (link.isEmpty() || link.startsWith("/") || link.startsWith("#") || link.startsWith("\\")
                || SCHEME.matcher(link).find()) {
            return null;
        }
        String path = link.replaceFirst("[?#].*$", "");
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Path source;
        try {
            source = folder.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!source.startsWith(folder) || !Files.isRegularFile(source)) {
            return null;
        }
        Path real = source.toRealPath();
        if (!real.startsWith(folder.toRealPath())) {
            // A symbolic link pointing out of the folder is treated like a link climbing out.
            return null;
        }
        String done = copied.get(real);
        if (done != null) {
            return done;
        }
        String name = ImageNames.unique(real.getFileName().toString(), written);
        Files.createDirectories(imagesDir);
        Files.copy(real, imagesDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        copied.put(real, name);
        written.add(name);
        return name;
    }
}
