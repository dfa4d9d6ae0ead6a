package dev.kbtool.publish;

import dev.kbtool.catalog.Catalog;
import dev.kbtool.catalog.WrittenPage;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whether a wiki page still holds what kb last wrote to it. The catalog remembers, for every
 * page kb writes, the hash of the text and the file's size and modification time right after;
 * one stat tells an untouched page, a hash a page touched but unchanged, and anything else was
 * edited — or created — by a person.
 */
public final class PageEdits {
    /** How a page stands against what kb last wrote. */
    public enum State {
        /** As kb wrote it. */
        AS_WRITTEN,
        /** Changed since kb wrote it. */
        EDITED,
        /** kb has no record of writing it: a person's page, or one written before kb kept records. */
        UNKNOWN,
        /** Not there. */
        MISSING
    }

    private PageEdits() {
    }

    public static State state(KbLayout layout, Catalog catalog, String relPath) throws IOException {
        return state(layout.root().resolve(relPath), catalog.writtenPage(relPath).orElse(null));
    }

    /**
     * The wiki pages whose text is not what kb last wrote: edited by a person, created by one, or
     * written before kb kept records. Costs one stat per page, and a read of those that changed.
     */
    public static List<String> notAsWritten(KbLayout layout, Catalog catalog) throws IOException {
        Map<String, WrittenPage> written = catalog.writtenPages();
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(layout.wiki())) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(layout.wiki())) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".md")
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String rel = layout.relative(p);
                State s = state(p, written.get(rel));
                if (s == State.EDITED || s == State.UNKNOWN) {
                    out.add(rel);
                }
            }
        }
        return out;
    }

    private static State state(Path file, WrittenPage recorded) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return State.MISSING;
        }
        if (recorded == null) {
            return State.UNKNOWN;
        }
        if (attrs.size() == recorded.size() && attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) == recorded.modified()) {
            return State.AS_WRITTEN;
        }
        return sha256(Files.readAllBytes(file)).equals(recorded.sha256()) ? State.AS_WRITTEN : State.EDITED;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
