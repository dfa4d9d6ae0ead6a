package dev.kbtool.compile.offline;

import dev.kbtool.language.WordFrequencies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The byline of a paper or report: the lines between its title and its first paragraph of prose
 * that list the authors and their affiliations ("1DeepSeek-AI", "2National Key Laboratory for
 * ..., Peking University", "1 Moonshot AI 2 UCLA"), headings included, since a converter may
 * set a lone author's name as one. The institutions are organizations the document is from;
 * the authors are persons only when there are one or two of them (a long author list names
 * nobody the document is about). Labels in capitals ("TECHNICAL REPORT", "ABSTRACT") are
 * neither: a name is not made of everyday words alone.
 */
final class FrontMatter {
    /**
     * Footnote numbers and marks that tie authors to affiliations: "2National", "Liu1", "Dai∗1,2",
     * and the backslash a converter leaves of an escaped mark ("Zhu\,").
     */
    private static final Pattern MARKS = Pattern.compile("(?<![\\p{L}\\d-])\\d{1,2}(?=\\s*\\p{Lu})|[∗*†‡§¶\\\\]|(?<=\\p{L})\\d{1,2}(,\\d{1,2})*\\b");
    private static final Pattern URL_OR_MAIL = Pattern.compile("\\S+@\\S+|https?://\\S+|www\\.\\S+|\\{[^}]*}");
    /** Words of a sub-unit of an institution: kept only when the institution is not named beside it. */
    private static final Pattern SUB_UNIT = Pattern.compile(
            "(?i)\\b(laborator(y|ies)|lab|department|dept|school|faculty|division|group|center|centre|key laboratory|college of)\\b");
    private static final Pattern INSTITUTION = Pattern.compile(
            "(?i)\\b(universit(y|ies|ät|é|à|ad)|institute|institut|college|inc|corp|corporation|ltd|llc|gmbh|ai|labs|research|"
                    + "foundation|company|academy|polytechnic)\\b\\.?");
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'-]+(\\s+\\p{Lu}\\.?)?(\\s+\\p{Lu}[\\p{L}'-]+){1,2}");
    /** Capitalized words that are never names: document parts, months, and the like. */
    private static final java.util.Set<String> LABELS = dev.kbtool.language.WordLists.words("not-names.txt");
    /** Lines looked at before the first paragraph of prose. */
    private static final int MAX_LINES = 12;
    private static final int MAX_SEGMENT_WORDS = 8;

    /** A name from the byline and what it is. */
    record Name(String name, String type, Sentence line, boolean first) {
    }

    private FrontMatter() {
    }

    static List<Name> of(Prose prose) {
        List<Name> out = new ArrayList<>();
        List<Line> lines = opening(prose.sentences(), prose.headings());
        int authors = -1;
        for (int i = 0; i < lines.size(); i++) {
            // A heading is a byline only when it names a person by a first name we know ("Debian Publicity Team" is none).
            if (authorList(lines.get(i).text()) && (!lines.get(i).heading() || knownFirstNames(lines.get(i).text()))) {
                authors = i;
                break;
            }
        }
        if (authors < 0) {
            return out;
        }
        List<String> people = people(lines.get(authors).text());
        if (people.size() <= 2) {
            for (String p : people) {
                out.add(new Name(p, EntityTypes.PERSON, lines.get(authors).sentence(), true));
            }
        }
        boolean first = true;
        for (int i = authors + 1; i < lines.size() && i <= authors + 4; i++) {
            String text = lines.get(i).text();
            if (authorList(text) || SentenceQuality.wordCount(text) > 40) {
                break;
            }
            for (String org : institutions(text, lines.get(i).heading())) {
                out.add(new Name(org, EntityTypes.ORGANIZATION, lines.get(i).sentence(), first));
                first = false;
            }
        }
        return out;
    }

    /**
     * The lines before the first sentence fit for a summary: title, byline, labels. A heading
     * among them stands for itself; it is tied to the sentence after it, the first the
     * document says under it.
     */
    private static List<Line> opening(List<Sentence> sentences, List<Heading> headings) {
        List<Line> out = new ArrayList<>();
        int h = 0;
        for (Sentence s : sentences) {
            for (; h < headings.size() && headings.get(h).next() <= s.index() && out.size() < MAX_LINES; h++) {
                out.add(new Line(new Sentence(s.index(), headings.get(h).text(), s.block(), true, false, SentenceQuality.Grade.NOISE),
                        true));
            }
            // An author list the splitter cut at an initial ("..., R.X.") can pass for a sentence.
            if (s.summaryWorthy() && !authorList(s.text()) || out.size() >= MAX_LINES) {
                break;
            }
            if (s.blockStart()) {
                out.add(new Line(s, false));
            } else if (!out.isEmpty() && !out.get(out.size() - 1).heading()) {
                // A byline the sentence splitter cut at an initial ("R.X. Xu") is one line again.
                Sentence last = out.remove(out.size() - 1).sentence();
                out.add(new Line(new Sentence(last.index(), last.text() + " " + s.text(), last.block(), true, last.listItem(),
                        last.quality()), false));
            }
        }
        return out;
    }

    /** A line of the opening, and whether the document set it as a heading. */
    private record Line(Sentence sentence, boolean heading) {
        String text() {
            return sentence.text();
        }
    }

    private static boolean knownFirstNames(String text) {
        for (String p : people(text)) {
            if (!EntityTypes.firstName(p.split("\\s+")[0])) {
                return false;
            }
        }
        return true;
    }

    /** Personal names and little else: three or more, or one or two on a short line. */
    private static boolean authorList(String text) {
        List<String> names = people(text);
        if (names.isEmpty()) {
            return false;
        }
        int nameLetters = 0;
        for (String n : names) {
            nameLetters += letters(n);
        }
        // An author's e-mail or home page beside the name is no other text ("Juan Benet juan@benet.ai").
        return nameLetters >= 0.7 * letters(URL_OR_MAIL.matcher(text).replaceAll(" "))
                && (names.size() >= 3 || SentenceQuality.wordCount(text) <= 8);
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += Character.isLetter(s.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    private static List<String> people(String text) {
        List<String> out = new ArrayList<>();
        String clean = URL_OR_MAIL.matcher(MARKS.matcher(text).replaceAll(",")).replaceAll(",");
        for (String part : clean.split("\\s*(,|;|\\band\\b)\\s*")) {
            String p = part.strip();
            if (NAME.matcher(p).matches() && !INSTITUTION.matcher(p).find() && !everydayWords(p)) {
                out.add(p);
            } else {
                // "Jingyuan Liu Jianlin Su": names one after another, without commas.
                String[] words = p.split("\\s+");
                if (words.length >= 4 && words.length % 2 == 0 && allCapitalized(words) && !INSTITUTION.matcher(p).find()) {
                    for (int w = 0; w + 1 < words.length; w += 2) {
                        out.add(words[w] + " " + words[w + 1]);
                    }
                }
            }
        }
        return out;
    }

    /**
     * An institution's name alone on its segment ("UCLA", "Northfield Labs"): capitalized words,
     * not everyday ones only, not a label ("Abstract", "Project Page:").
     */
    private static boolean nameShaped(String segment) {
        String[] words = segment.split("\\s+");
        if (words.length > 4 || segment.endsWith(":") || everydayWords(segment)) {
            return false;
        }
        for (String w : words) {
            if (!Character.isUpperCase(w.charAt(0)) || LABELS.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** "TECHNICAL REPORT", "Abstract": everyday words only, and no first name among them. */
    private static boolean everydayWords(String text) {
        String[] words = text.split("\\s+");
        if (EntityTypes.firstName(words[0])) {
            return false;
        }
        for (String w : words) {
            if (!WordFrequencies.everyday(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allCapitalized(String[] words) {
        for (String w : words) {
            if (w.length() < 2 || !Character.isUpperCase(w.charAt(0)) || !w.substring(1).equals(w.substring(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The institutions of one affiliation line: the university rather than its laboratory. A
     * heading names an institution only with an institution's word ("Lab", "University").
     */
    private static List<String> institutions(String text, boolean heading) {
        List<String> out = new ArrayList<>();
        String clean = URL_OR_MAIL.matcher(text).replaceAll(" ");
        for (String group : MARKS.matcher(clean).replaceAll("\u0000").split("\u0000")) {
            List<String> segments = new ArrayList<>();
            for (String seg : group.split("\\s*[,;]\\s*")) {
                String s = seg.strip();
                int words = s.isEmpty() ? 0 : s.split("\\s+").length;
                if (words > 0 && words <= MAX_SEGMENT_WORDS && Character.isUpperCase(s.charAt(0))
                        && !EntityTypes.place(s)) {
                    segments.add(s);
                }
            }
            String pick = null;
            for (String s : segments) {
                if (INSTITUTION.matcher(s).find() && !SUB_UNIT.matcher(s).find()) {
                    pick = s;
                    break;
                }
            }
            if (pick == null && !heading && segments.size() == 1 && !SUB_UNIT.matcher(segments.get(0)).find()
                    && nameShaped(segments.get(0))) {
                pick = segments.get(0);
            }
            if (pick != null) {
                out.add(pick);
            }
        }
        return out;
    }
}
