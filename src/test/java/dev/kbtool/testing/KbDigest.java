package dev.kbtool.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A description of a knowledge base's content that two runs producing the same KB agree on:
 * every file under raw/ and wiki/ (log timestamps blanked) and every catalog row except
 * times and transaction ids. Tests compare KBs by it.
 */
public final class KbDigest {
    /** Columns that differ between two otherwise identical runs. */
    private static final Set<String> VOLATILE = Set.of("added_at", "updated_at", "committed_at", "txid");

    private KbDigest() {
    }

    /** File path → content hash, plus "catalog:<table>" → rows; a readable map for diffing in failures. */
    public static TreeMap<String, String> of(Path kb) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String top : List.of("raw", "wiki")) {
            Path dir = kb.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted().toList()) {
                    String rel = kb.relativize(p).toString();
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.put(rel + "/", "dir");
                    } else {
                        String content = Files.readString(p, StandardCharsets.ISO_8859_1);
                        if (rel.equals("wiki/log.md")) {
                            content = content.replaceAll("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d]", "[time]");
                        }
                        out.put(rel, sha(content));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kb.resolve(".kb/kb.db"));
             Statement st = c.createStatement()) {
            for (String table : List.of("documents", "pages")) {
                out.put("catalog:" + table, rows(st, "SELECT * FROM " + table + " ORDER BY 1, 2"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String rows(Statement st, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (!VOLATILE.contains(md.getColumnName(i)) && !md.getColumnName(i).equals("id")) {
                        row.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                    }
                }
                rows.add(row.toString());
            }
        }
        return String.join("\n", rows);
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.ISO_8859_1))).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a whole KB folder (a test's reference state), preserving nothing but bytes. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Journal, backup and staging leftovers and temp files anywhere in the KB; empty when clean. */
    public static List<String> leftovers(Path kb) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(kb)) {
            for (Path p : walk.toList()) {
                String rel = kb.relativize(p).toString();
                boolean inTxState = rel.startsWith(".kb/journal/") || rel.startsWith(".kb/backup/")
                        || rel.startsWith(".kb/staging/");
                if (inTxState || p.getFileName().toString().contains(".kbtmp-")) {
                    found.add(rel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
