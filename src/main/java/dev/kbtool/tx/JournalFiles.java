package dev.kbtool.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kbtool.fs.AtomicFiles;
import dev.kbtool.layout.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS = Set.of(JournalEntry.ABSENT, JournalEntry.FILE, JournalEntry.TREE,
            JournalEntry.APPEND);

    private JournalFiles() {
    }

    static Path fileFor(KbLayout layout, String txid) {
        return layout.journals().resolve(txid + ".json");
    }

    static void write(KbLayout layout, Journal journal) throws IOException {
        JsonNode body = JSON.valueToTree(journal);
        ObjectNode file = JSON.createObjectNode();
        file.put("checksum", checksum(body));
        file.set("journal", body);
        AtomicFiles.write(fileFor(layout, journal.txid()), JSON.writeValueAsBytes(file));
    }

    static Journal read(KbLayout layout, Path file) throws InvalidJournalException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
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

    private static void validate(KbLayout layout, Path file, Journal j) throws InvalidJournalException {
        if (j.version() != Journal.VERSION) {
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
