package dev.kbtool.catalog;

import java.util.Locale;

/** The page folders of the wiki, as the catalog records them. */
public enum PageKind {
    SOURCE("sources"),
    SUMMARY("summaries"),
    CONCEPT("concepts"),
    ENTITY("entities"),
    /** Answers filed by {@code kb query --save}. */
    ANSWER("answers");

    private final String folder;

    PageKind(String folder) {
        this.folder = folder;
    }

    /** The folder under {@code wiki/} holding pages of this kind. */
    public String folder() {
        return folder;
    }

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PageKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
