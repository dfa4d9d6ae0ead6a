package dev.kbtool.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.fs.SyncBatch;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes journals. A journal file is {@code {"checksum": ..., "journal": {...}}}
 * where the checksum is the SHA-256 of the journal object's compact JSON, so a torn or
 * edited journal is detected. Every path in a journal is validated before recovery may act
 * on it: relative, normalized, inside the KB, outside {@code .kb/}, and not through a
 * symbolic link.
 */
final class JournalFiles {
    static final Pattern TXID = Pattern.compile("[0-9a-f]{32}");
    /** A journal of a transaction touching 100,000 paths is some 10 MB. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final String LOG = "wiki/log.md";
    private static final Pattern IMAGE_TREE = Pattern.compile("wiki/sources/images/[^/]+");
    private static final Pattern RAW_FILE = Pattern.compile("raw/.+");
    private static final Pattern WIKI_FILE = Pattern.compile("wiki/.+\\.(md|json)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS = Set.of(JournalEntry.ABSENT, JournalEntry.FILE, JournalEntry.TREE,
            JournalEntry.APPEND);

    private JournalFiles() {
    }

    static Path fileFor(KbLayout layout, String txid) {
        return layout.journals().resolve(txid + ".json");
    }

    static void write(KbLayout layout, Journal journal) throws IOException {
        AtomicFiles.write(fileFor(layout, journal.txid()), bytes(journal));
    }

    /** The journal in a temp file whose fsync {@code batch} makes; {@link AtomicFiles#rename} puts it in place. */
    static Path writeTemp(KbLayout layout, Journal journal, SyncBatch batch) throws IOException {
        return AtomicFiles.writeTemp(fileFor(layout, journal.txid()), bytes(journal), batch);
    }

    private static byte[] bytes(Journal journal) throws IOException {
        JsonNode body = JSON.valueToTree(journal);
        ObjectNode file = JSON.createObjectNode();
        file.put("checksum", checksum(body));
        file.set("journal", body);
        return JSON.writeValueAsBytes(file);
    }

    /** Whether a file in {@code .kb/journal/} is named as kb names journals; anything else is not kb's. */
    static boolean isJournalName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && TXID.matcher(name.substring(0, name.length() - 5)).matches();
    }

    static Journal read(KbLayout layout, Path file) throws InvalidJournalException {
        JsonNode root;
        try {
            root = JSON.readTree(readBounded(file));
        } catch (IOException e) {
            throw new InvalidJournalException("unreadable journal: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject() || !root.path("journal").isObject() || !root.path("checksum").isTextual()) {
            throw new InvalidJournalException("not a kb journal");
        }
        JsonNode body = root.get("journal");
        if (!checksum(body).equals(root.get("checksum").asText())) {
            throw new InvalidJournalException("checksum mismatch: the journal was damaged or edited");
        }
        Journal journal;
        try {
            journal = JSON.treeToValue(body, Journal.class);
        } catch (IOException e) {
            throw new InvalidJournalException("malformed journal: " + firstLine(e.getMessage()));
        }
        validate(layout, file, journal);
        return journal;
    }

    /**
     * The bytes of a journal, read only from a regular file (a FIFO would block, a link could point
     * anywhere) and only up to {@link #MAX_BYTES} (a huge file would exhaust memory).
     */
    private static byte[] readBounded(Path file) throws IOException, InvalidJournalException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new InvalidJournalException("not a regular file");
        }
        if (attrs.size() > MAX_BYTES) {
            throw new InvalidJournalException("too large for a journal (" + attrs.size() + " bytes)");
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            // The file may grow after the check: never read past the limit.
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidJournalException("too large for a journal");
            }
            return bytes;
        }
    }

    private static void validate(KbLayout layout, Path file, Journal j) throws InvalidJournalException {
        if (j.version() != Journal.VERSION && j.version() != Journal.VERSION_WITHOUT_SEQ) {
            throw new InvalidJournalException("unknown journal version " + j.version());
        }
        if (j.txid() == null || !TXID.matcher(j.txid()).matches()
                || !file.getFileName().toString().equals(j.txid() + ".json")) {
            throw new InvalidJournalException("transaction id does not match the file name");
        }
        if (j.entries() == null) {
            throw new InvalidJournalException("journal has no entries");
        }
        for (JournalEntry e : j.entries()) {
            if (e == null || e.before() == null || !KINDS.contains(e.before()) || e.length() < 0) {
                throw new InvalidJournalException("malformed entry " + e);
            }
            checkPath(layout, e.path());
            checkShape(e);
        }
    }

    /**
     * Refuses an entry kb never writes: whole trees only for a document's image folder, the
     * append-only log only as such, files only where kb keeps files. A tampered journal (its
     * checksum recomputed) can then at worst touch one document's files, never empty the wiki.
     */
    private static void checkShape(JournalEntry e) throws InvalidJournalException {
        String p = e.path();
        boolean tree = IMAGE_TREE.matcher(p).matches();
        boolean file = RAW_FILE.matcher(p).matches() || WIKI_FILE.matcher(p).matches();
        boolean ok = switch (e.before()) {
            case JournalEntry.TREE -> tree;
            case JournalEntry.APPEND -> p.equals(LOG);
            case JournalEntry.FILE -> file;
            default -> tree || file;
        };
        if (!ok) {
            throw new InvalidJournalException("kb never journals " + e.before() + " " + p);
        }
    }

    /** Refuses any path that could make recovery act outside the wiki and raw folders. */
    static Path checkPath(KbLayout layout, String rel) throws InvalidJournalException {
        if (rel == null || rel.isEmpty() || rel.startsWith("/") || rel.contains("\\") || rel.contains("\0")
                || rel.matches("^[A-Za-z]:.*")) {
            throw new InvalidJournalException("path is not a relative KB path: " + rel);
        }
        Path resolved = layout.root().resolve(rel).normalize();
        if (!resolved.startsWith(layout.root()) || resolved.equals(layout.root())
                || !layout.root().relativize(resolved).toString().equals(rel)) {
            throw new InvalidJournalException("path leaves the knowledge base or is not normalized: " + rel);
        }
        if (resolved.startsWith(layout.state())) {
            throw new InvalidJournalException("path points into kb's own state folder: " + rel);
        }
        Path p = layout.root();
        for (Path part : layout.root().relativize(resolved)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                throw new InvalidJournalException("path goes through a symbolic link: " + rel);
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
        }
        return resolved;
    }

    private static String checksum(JsonNode body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(JSON.writeValueAsBytes(body)));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
