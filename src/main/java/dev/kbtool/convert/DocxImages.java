package dev.kbtool.convert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Copies the images a DOCX references from its media folder into the images folder, each once. */
final class DocxImages {
    private final DocxPackage docx;
    private final Path dir;
    private final String prefix;
    private final Map<String, String> copied = new HashMap<>();
    private final List<String> written = new ArrayList<>();

    DocxImages(DocxPackage docx, Path dir, String prefix) {
        this.docx = docx;
        this.dir = dir;
        this.prefix = prefix == null ? "" : prefix;
    }

    List<String> written() {
        return written;
    }

    String link(String file) {
        return prefix + file;
    }

    /** Copies a part (e.g. {@code word/media/image1.png}); returns the file name, or null if there is no such part. */
    String copy(String part) throws IOException {
        if (part == null || part.contains("://")) {
            return null;
        }
        String done = copied.get(part);
        if (done != null) {
            return done;
        }
        try (InputStream in = docx.open(part)) {
            if (in == null) {
                return null;
            }
            String file = ImageNames.unique(part.substring(part.lastIndexOf('/') + 1), written);
            Files.createDirectories(dir);
            Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            copied.put(part, file);
            written.add(file);
            return file;
        }
    }
}
