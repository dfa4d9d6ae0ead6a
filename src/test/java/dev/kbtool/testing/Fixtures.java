package dev.kbtool.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Terse fixture writing for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Names a process that has ended as the committer of the catalog's pending views, as if a
     * kb command had died between its last commit and its index refresh. The text is
     * {@code Committer}'s: a pid and a start time, "-" for unknown.
     */
    public static void abandonViews(Path catalogFile) {
        try {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            setViewsCommitter(catalogFile, gone.pid() + " -");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static void setViewsCommitter(Path catalogFile, String committer) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogFile);
             PreparedStatement ps = c.prepareStatement("UPDATE views_pending SET committer = ?")) {
            ps.setString(1, committer);
            if (ps.executeUpdate() != 1) {
                throw new AssertionError("no views are pending in " + catalogFile);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
