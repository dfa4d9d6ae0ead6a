package dev.kbtool.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence into tokens the way the English part-of-speech model was trained
 * (punctuation apart, clitics such as {@code n't} and {@code 's} apart), while keeping
 * hyphenated words, abbreviations and initials whole and marking URLs, paths and code as
 * noise. Rules, not a model: fast, and the same on every run.
 */
public final class Tokenizer {
    private static final String LEADING = "([{\"'“‘«»„¿¡<*";
    private static final String TRAILING = ")]}\"'”’»«“,;:!?.…>*";
    private static final Pattern URL_OR_MAIL = Pattern.compile("(?i)((https?|ftp)://|www\\.|mailto:)\\S+|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N}]*(['’.-][\\p{L}\\p{M}\\p{N}]+)*");
    /** Letters with dots between them: an initialism ("U.S.", "e.g."), else a domain or module name. */
    private static final Pattern INITIALISM = Pattern.compile("(\\p{L}\\.)+\\p{L}?\\.?");
    /** A name with a dotted version ("Qwen2.5", "GPT-3.5-Turbo") or a JavaScript library ("Node.js"). */
    private static final Pattern DOTTED_NAME = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}-]*\\d(\\.\\d+)+[\\p{L}\\p{N}-]*|\\p{Lu}[\\p{L}\\p{N}]*\\.js");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,:/]\\d+)*%?|\\d+(st|nd|rd|th|s)");
    private static final Pattern FILE_NAME = Pattern.compile("[\\w-]+\\.(?i)(txt|md|pdf|html?|xml|json|ya?ml|csv|java|py|js|ts|c|h|cpp|go|rs|sh|sty|cls|tex|bib|png|jpe?g|gif|svg|zip|gz|tar|deb|rpm|exe|dll|so|jar|conf|cfg|ini|log|idf)");
    /** French and Italian elisions split off the word they lean on: "l'homme" -> "l'" "homme". */
    private static final Pattern ELISION = Pattern.compile("(?i)(l|d|qu|n|s|j|c|m|t|dell|all|dall|nell|sull|un)['’](\\p{L}.*)");
    private static final String[] CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m"};

    private Tokenizer() {
    }

    public static List<Token> tokenize(String sentence) {
        List<Token> out = new ArrayList<>();
        for (String chunk : sentence.split("\\s+")) {
            if (!chunk.isEmpty()) {
                chunk(chunk, out);
            }
        }
        return out;
    }

    private static void chunk(String chunk, List<Token> out) {
        int start = 0;
        int end = chunk.length();
        while (start < end && LEADING.indexOf(chunk.charAt(start)) >= 0) {
            out.add(new Token(chunk.substring(start, start + 1), Token.Shape.MARK));
            start++;
        }
        List<Token> trailing = new ArrayList<>();
        while (end > start && TRAILING.indexOf(chunk.charAt(end - 1)) >= 0 && !keepsPeriod(chunk, start, end)) {
            trailing.add(0, new Token(chunk.substring(end - 1, end), Token.Shape.MARK));
            end--;
        }
        if (end > start) {
            core(chunk.substring(start, end), out);
        }
        out.addAll(trailing);
    }

    /** The common case, decided without a pattern. */
    private static boolean lettersOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** "Dr." and "J." keep their period; a sentence's last period does not stay on its word. */
    private static boolean keepsPeriod(String chunk, int start, int end) {
        if (chunk.charAt(end - 1) != '.') {
            return false;
        }
        String word = chunk.substring(start, end - 1);
        return Abbreviations.contains(word) || word.length() == 1 && Character.isUpperCase(word.charAt(0));
    }

    private static void core(String core, List<Token> out) {
        if (lettersOnly(core)) {
            out.add(new Token(core, Token.Shape.WORD));
            return;
        }
        if (URL_OR_MAIL.matcher(core).matches() || FILE_NAME.matcher(core).matches()) {
            out.add(new Token(core, Token.Shape.NOISE));
            return;
        }
        if (NUMBER.matcher(core).matches()) {
            out.add(new Token(core, Token.Shape.NUMBER));
            return;
        }
        Matcher elision = ELISION.matcher(core);
        if (elision.matches()) {
            out.add(new Token(core.substring(0, elision.start(2)), Token.Shape.WORD));
            core(elision.group(2), out);
            return;
        }
        String lower = core.toLowerCase(Locale.ROOT);
        for (String clitic : CLITICS) {
            if (lower.endsWith(clitic) && core.length() > clitic.length()) {
                String head = core.substring(0, core.length() - clitic.length());
                if (WORD.matcher(head).matches()) {
                    out.add(new Token(head, Token.Shape.WORD));
                    out.add(new Token(core.substring(head.length()), Token.Shape.WORD));
                    return;
                }
            }
        }
        boolean word = WORD.matcher(core).matches()
                || keepsPeriod(core, 0, core.length()) && WORD.matcher(core.substring(0, core.length() - 1)).matches();
        if (word && (core.indexOf('.') < 0 || INITIALISM.matcher(core).matches() || keepsPeriod(core, 0, core.length())
                || DOTTED_NAME.matcher(core).matches())) {
            out.add(new Token(core, Token.Shape.WORD));
        } else if (core.length() == 1) {
            out.add(new Token(core, Token.Shape.MARK));
        } else {
            out.add(new Token(core, Token.Shape.NOISE));
        }
    }
}
