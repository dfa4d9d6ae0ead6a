package dev.kbtool.compile.offline;

import dev.kbtool.compile.CompileInput;
import dev.kbtool.language.Language;
import dev.kbtool.language.LanguageDetector;
import dev.kbtool.language.SentenceSplitter;
import dev.kbtool.text.MarkdownText;
import dev.kbtool.text.MarkdownText.Block;
import dev.kbtool.text.MarkdownText.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a converted document into {@link Prose}: strips page furniture, splits the Markdown
 * into blocks and the blocks into sentences, grades every sentence, and notes headings,
 * reference sections and inline code.
 */
final class ProseReader {
    private static final Pattern REFERENCES_HEADING = Pattern.compile(
            "^(\\d+(\\.\\d+)*\\.?\\s*)?(references|bibliography|works cited|literature cited|"
                    + "further reading|external links|literatur|literaturverzeichnis|bibliografía|referencias|bibliographie|"
                    + "références|bibliografia|riferimenti|bibliografie|литература|参考文献)\\s*:?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Where a references section ends in a converted PDF: an appendix or a numbered section. */
    private static final Pattern SECTION_AFTER_REFERENCES = Pattern.compile(
            "^(appendix|anhang|apéndice|annexe|index\\b|(\\d+|[A-Z])(\\.\\d+)*\\.?\\s+\\p{Lu})", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRONTMATTER_DESCRIPTION = Pattern.compile("(?m)^description:\\s*[\"']?(.*?)[\"']?\\s*$");
    /** A section label run into its first sentence by the converter: "Abstract This package ...". */
    private static final Pattern LABEL = Pattern.compile(
            "^(Abstract|Summary|Zusammenfassung|Résumé|Resumen|Sommario|Riassunto|Synopsis|Overview)[.:]?\\s+(?=\\p{Lu})");
    /** A sentence seen this often is boilerplate, whatever it says. */
    private static final int BOILERPLATE_REPEATS = 3;

    private ProseReader() {
    }

    static Prose read(CompileInput input) throws InterruptedException {
        String markdown = PageFurniture.strip(input.markdown());
        int furnitureWords = markdown.length() == input.markdown().length() ? 0
                : SentenceQuality.wordCount(input.markdown()) - SentenceQuality.wordCount(markdown);
        List<Block> blocks = MarkdownText.blocks(markdown);
        // In a converted PDF a references section runs on past headings-like lines (author
        // names); in Markdown the next heading ends it.
        boolean paged = !input.pages().isEmpty() || markdown.contains("<!-- page");
        Language language = LanguageDetector.detect(sample(blocks));
        List<Heading> headings = new ArrayList<>();
        Set<String> code = new HashSet<>();
        List<Sentence> sentences = new ArrayList<>();
        boolean inReferences = false;
        boolean opening = true;
        int words = 0;
        for (int b = 0; b < blocks.size(); b++) {
            if ((b & 255) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            Block block = blocks.get(b);
            code.addAll(block.code());
            if (block.kind() == Kind.HEADING) {
                if (REFERENCES_HEADING.matcher(block.text()).matches()) {
                    inReferences = true;
                } else {
                    inReferences &= paged && !SECTION_AFTER_REFERENCES.matcher(block.text()).find();
                    headings.add(new Heading(block.text(), sentences.size()));
                }
                continue;
            }
            boolean first = true;
            for (String sentence : SentenceSplitter.split(block.text())) {
                String text = first ? LABEL.matcher(sentence).replaceFirst("") : sentence;
                SentenceQuality.Grade grade = SentenceQuality.grade(text, language, inReferences, opening);
                opening &= grade == SentenceQuality.Grade.NOISE;
                sentences.add(new Sentence(sentences.size(), text, b, first, block.kind() == Kind.LIST_ITEM, grade));
                first = false;
                if (grade != SentenceQuality.Grade.NOISE) {
                    words += language.unspaced() ? text.length() / 2 : SentenceQuality.wordCount(text);
                }
            }
        }
        String title = input.displayTitle() == null ? "" : input.displayTitle();
        return new Prose(title, language, demoteBoilerplate(sentences), headings, paged, code, words,
                metaDescription(input.markdown()), furnitureWords);
    }

    /** The {@code description:} of YAML frontmatter, if the converter kept it. */
    private static String metaDescription(String markdown) {
        if (!markdown.startsWith("---")) {
            return null;
        }
        int end = markdown.indexOf("\n---", 3);
        Matcher m = FRONTMATTER_DESCRIPTION.matcher(end > 0 ? markdown.substring(0, end) : "");
        return m.find() ? m.group(1).strip() : null;
    }

    /** Running text for language detection: the first paragraphs, not headings or code. */
    private static String sample(List<Block> blocks) {
        StringBuilder s = new StringBuilder();
        for (Block block : blocks) {
            if (block.kind() != Kind.HEADING) {
                s.append(block.text()).append('\n');
                if (s.length() > LanguageDetector.SAMPLE_CHARS) {
                    break;
                }
            }
        }
        return s.toString();
    }

    /** Sentences repeated several times (disclaimers, navigation) are never summary material. */
    private static List<Sentence> demoteBoilerplate(List<Sentence> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (Sentence s : sentences) {
            counts.merge(s.text(), 1, Integer::sum);
        }
        List<Sentence> out = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            boolean repeated = counts.get(s.text()) >= BOILERPLATE_REPEATS;
            out.add(repeated ? new Sentence(s.index(), s.text(), s.block(), s.blockStart(), s.listItem(),
                    SentenceQuality.Grade.NOISE) : s);
        }
        return out;
    }
}
