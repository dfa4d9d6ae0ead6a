package dev.kbtool.catalog;

import java.util.Locale;

/** The two kinds of pages shared across documents. */
public enum TopicKind {
    CONCEPT(PageKind.CONCEPT),
    ENTITY(PageKind.ENTITY);

    private final PageKind pageKind;

    TopicKind(PageKind pageKind) {
        this.pageKind = pageKind;
    }

    public PageKind pageKind() {
        return pageKind;
    }

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** KB-relative path of the page of the topic with this key. */
    public String pagePath(String key) {
        return "wiki/" + pageKind.folder() + "/" + key + ".md";
    }

    /** The page as a wikilink target. */
    public String link(String key) {
        return pageKind.folder() + "/" + key;
    }
}
