package dev.kbtool.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Word lists shipped as resources next to this class: lower case, {@code #} starts a comment. */
public final class WordLists {
    private WordLists() {
    }

    /** Every whitespace-separated word of the resource. */
    public static Set<String> words(String resource) {
        Set<String> out = new HashSet<>();
        for (String line : lines(resource)) {
            for (String word : line.split("\\s+")) {
                out.add(word);
            }
        }
        return Set.copyOf(out);
    }

    /** Every non-comment line of the resource, for lists whose entries contain spaces. */
    public static Set<String> lines(String resource) {
        Set<String> out = new HashSet<>();
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String s = line.strip().toLowerCase(Locale.ROOT);
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
