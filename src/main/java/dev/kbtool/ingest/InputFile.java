package dev.kbtool.ingest;

import dev.kbtool.failure.IoFailures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A file kb add will try, as the scan found it: where it is, the regular file it resolved to,
 * and that file's identity. Reading goes through {@link #open}, which reads only that file:
 * swapped for a symbolic link (to {@code /etc/passwd}, say) or for another file after the scan,
 * it is refused rather than followed.
 *
 * @param path    absolute, normalized path as given or found (a link inside the tree keeps its name)
 * @param display how to name it to the user
 * @param real    the regular file it resolved to when scanned, with no symbolic link on the way
 * @param key     that file's identity (device and inode where the system has them)
 * @param origin  where the document comes from, recorded so a changed version added again
 *                replaces it: the path, or the URL a downloaded file was fetched from
 */
public record InputFile(Path path, String display, Path real, Object key, String origin) {
    public InputFile(Path path, String display, Path real, Object key) {
        this(path, display, real, key, path.toString());
    }

    /** The input could not be read as scanned: that file fails, the batch goes on. */
    public static final class Unreadable extends IOException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The input as it is now; the scan calls this once and reading checks against it. */
    public static InputFile scanned(Path path, String display) throws IOException {
        Path real = path.toRealPath();
        return new InputFile(path, display, real, identity(real));
    }

    /** A file downloaded from {@code url}: named by the URL, and the URL is its origin. */
    public static InputFile fetched(Path file, String url) throws IOException {
        Path real = file.toRealPath();
        return new InputFile(file, url, real, identity(real), url);
    }

    /** The file's size, from the scanned file itself. */
    public long size() throws IOException {
        return unreadable(this::verified).size();
    }

    /**
     * Opens the scanned file for reading, never through a link: the path must still resolve to
     * the same regular file, and a link put in its place is refused by the open itself.
     */
    public InputStream open() throws IOException {
        return unreadable(() -> {
            verified();
            try {
                return Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException e) {
                if (Files.isSymbolicLink(real)) {
                    throw new FileSystemException(display, null, "changed into a symbolic link after it was found");
                }
                throw e;
            }
        });
    }

    /** Fails unless the file read is still the one scanned: no link on the way, same identity. */
    public void checkUnchanged() throws IOException {
        unreadable(this::verified);
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private <T> T unreadable(IoAction<T> action) throws Unreadable {
        try {
            return action.run();
        } catch (Unreadable e) {
            throw e;
        } catch (IOException e) {
            throw new Unreadable(IoFailures.whatHappened(e), e);
        }
    }

    private BasicFileAttributes verified() throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new FileSystemException(display, null, attrs.isSymbolicLink()
                    ? "changed into a symbolic link after it was found" : "is no longer a regular file");
        }
        if (!real.toRealPath().equals(real) || !Objects.equals(key, attrs.fileKey() != null ? attrs.fileKey()
                : real.toString())) {
            throw new FileSystemException(display, null, "was replaced by another file after it was found");
        }
        return attrs;
    }

    private static Object identity(Path real) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attrs.fileKey() != null ? attrs.fileKey() : real.toString();
    }
}
