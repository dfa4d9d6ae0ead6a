package dev.kbtool.render;

import dev.kbtool.text.CodeFences;
import dev.kbtool.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Obsidian wikilinks as kb writes and checks them: vault-relative targets without the
 * {@code .md} extension, optionally with an alias. Links inside code (fenced blocks and
 * inline code spans) are not links, as in Obsidian, and are never touched.
 */
public final class Wikilinks {
    private static final Pattern LINK = Pattern.compile("(!?)\\[\\[([^\\[\\]|#^\\n]*)([#^][^\\[\\]|\\n]*)?(?:\\|([^\\[\\]\\n]*))?]]");

    private Wikilinks() {
    }

    public static String link(String target) {
        return "[[" + target + "]]";
    }

    public static String link(String target, String alias) {
        if (alias == null || alias.isBlank()) {
            return link(target);
        }
        // A file name may hold a newline: a link must stay on one line to be a link.
        return "[[" + target + "|" + Printable.inline(alias).replace("|", "-").replace("[[", "").replace("]]", "").strip()
                + "]]";
    }

    /** The targets of every link outside code, in document order. */
    public static List<String> targets(String text) {
        List<String> out = new ArrayList<>();
        if (!text.contains("[[")) {
            return out;
        }
        forEachProse(text, prose -> {
            Matcher m = LINK.matcher(prose);
            while (m.find()) {
                out.add(m.group(2).strip());
            }
            return prose;
        });
        return out;
    }

    /** Turns every link outside code into its plain text: the alias, else the target's last segment. */
    public static String unlinkAll(String text) {
        return unlinkMissing(text, target -> false);
    }

    /** Keeps links whose target {@code exists}; the others become plain text. */
    public static String unlinkMissing(String text, Predicate<String> exists) {
        if (!text.contains("[[")) {
            return text;
        }
        return forEachProse(text, prose -> {
            Matcher m = LINK.matcher(prose);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String target = m.group(2).strip();
                String replacement = exists.test(target) ? m.group() : plain(target, m.group(4));
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            return sb.toString();
        });
    }

    /** Points links whose target is a key of {@code moves} to the mapped target, keeping anchors and aliases. */
    public static String retarget(String text, java.util.Map<String, String> moves) {
        if (moves.isEmpty() || !text.contains("[[")) {
            return text;
        }
        return forEachProse(text, prose -> {
            Matcher m = LINK.matcher(prose);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String to = moves.get(m.group(2).strip());
                String replacement = to == null ? m.group() : m.group(1) + "[[" + to
                        + (m.group(3) == null ? "" : m.group(3)) + (m.group(4) == null ? "" : "|" + m.group(4)) + "]]";
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            return sb.toString();
        });
    }

    private static String plain(String target, String alias) {
        if (alias != null && !alias.isBlank()) {
            return alias.strip();
        }
        String last = target.substring(target.lastIndexOf('/') + 1);
        return last.isEmpty() ? target : last;
    }

    /** Applies {@code f} to the text outside fenced code blocks and inline code spans. */
    private static String forEachProse(String text, java.util.function.UnaryOperator<String> f) {
        StringBuilder out = new StringBuilder(text.length());
        CodeFences fences = new CodeFences();
        int prose = 0;
        int pos = 0;
        while (pos < text.length()) {
            int newline = text.indexOf('\n', pos);
            int next = newline < 0 ? text.length() : newline + 1;
            if (fences.code(text.substring(pos, newline < 0 ? text.length() : newline))) {
                // Prose runs are passed whole: an inline code span may continue on the next line.
                out.append(outsideInlineCode(text.substring(prose, pos), f));
                out.append(text, pos, next);
                prose = next;
            }
            pos = next;
        }
        out.append(outsideInlineCode(text.substring(prose), f));
        return out.toString();
    }

    private static String outsideInlineCode(String text, java.util.function.UnaryOperator<String> f) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            int open = text.indexOf('`', pos);
            if (open < 0) {
                break;
            }
            int ticks = 1;
            while (open + ticks < text.length() && text.charAt(open + ticks) == '`') {
                ticks++;
            }
            int close = text.indexOf("`".repeat(ticks), open + ticks);
            if (close < 0) {
                break;
            }
            out.append(f.apply(text.substring(pos, open)));
            out.append(text, open, close + ticks);
            pos = close + ticks;
        }
        out.append(f.apply(text.substring(pos)));
        return out.toString();
    }
}
