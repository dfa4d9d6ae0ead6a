package dev.kbtool.language;

import java.util.Locale;
import java.util.Set;

/**
 * Abbreviations whose period belongs to the word, not to the sentence: the sentence splitter
 * does not end a sentence after them, and the tokenizer keeps the period on the token, so the
 * two never disagree about "Fig. 3" or "e.g. this".
 */
final class Abbreviations {
    /** Lower case, inner dots kept, final dot left off. */
    private static final Set<String> WORDS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "vs", "e.g", "i.e", "etc", "cf", "viz", "al",
            "fig", "figs", "eq", "eqs", "no", "nos", "vol", "vols", "pp", "ch", "chap", "sec", "secs", "approx", "ca",
            "inc", "ltd", "co", "corp", "dept", "univ", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "hon", "u.s",
            "u.k", "a.m", "p.m", "ph.d", "incl", "ref", "refs", "ed", "eds", "resp", "z.b", "d.h", "bzw", "usw", "ggf",
            "vgl", "sra", "dra", "ecc", "env", "p.ej", "nr", "op", "cit", "ibid", "lit", "abb", "tab", "bd", "hrsg");

    private Abbreviations() {
    }

    /** Whether {@code word}, written without its final period, is an abbreviation. */
    static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
