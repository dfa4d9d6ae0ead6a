package dev.kbtool.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies an input into staging and hashes the very bytes it copies, in one streamed pass,
 * so the hash always describes the file kb converts and publishes even if the original
 * changes meanwhile.
 */
final class StagedCopy {
    private StagedCopy() {
    }

    /** Returns the SHA-256 of what was written to {@code target}. */
    static String copyAndHash(InputFile source, Path target) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(source.open(), md);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            in.transferTo(out);
        }
        source.checkUnchanged();
        return HexFormat.of().formatHex(md.digest());
    }
}
