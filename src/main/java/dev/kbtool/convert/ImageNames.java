package dev.kbtool.convert;

import java.util.Collection;
import java.util.Locale;

/** File names for copied images: safe characters only, and distinct within one document. */
final class ImageNames {
    private ImageNames() {
    }

    static String unique(String original, Collection<String> taken) {
        String safe = original.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "image" + safe;
        }
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        String ext = dot > 0 ? safe.substring(dot) : "";
        String name = safe;
        for (int n = 2; contains(taken, name); n++) {
            name = stem + "-" + n + ext;
        }
        return name;
    }

    /** Case-insensitive: two names differing only in case collide on some file systems. */
    private static boolean contains(Collection<String> taken, String name) {
        for (String t : taken) {
            if (t.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
