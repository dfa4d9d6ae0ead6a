package dev.kbtool.compile;

/** Obsidian wikilinks as kb writes them: vault-relative targets without the .md extension. */
public final class Wikilinks {
    private Wikilinks() {
    }

    public static String link(String target) {
        return "[[" + target + "]]";
    }

    public static String link(String target, String alias) {
        return alias == null || alias.isBlank() ? link(target) : "[[" + target + "|" + alias.replace("|", "-").replace("]]", "") + "]]";
    }
}
