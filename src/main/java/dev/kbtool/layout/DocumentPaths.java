package dev.kbtool.layout;

/** The KB-relative paths of one document's files, derived from its name. */
public record DocumentPaths(String name, String extension) {
    public String raw() {
        return "raw/" + name + (extension == null || extension.isEmpty() ? "" : "." + extension);
    }

    public String source() {
        return "wiki/sources/" + name + ".md";
    }

    /** The per-page source of a long document. */
    public String sourceJson() {
        return "wiki/sources/" + name + ".json";
    }

    public String images() {
        return "wiki/sources/images/" + name;
    }

    public String summary() {
        return "wiki/summaries/" + name + ".md";
    }

    /** The summary as a wikilink target, e.g. {@code summaries/intro}. */
    public String summaryLink() {
        return "summaries/" + name;
    }

    public String sourceLink() {
        return "sources/" + name;
    }

    /** The images folder as a link from the source page. */
    public String imageLinkPrefix() {
        return "images/" + name + "/";
    }
}
