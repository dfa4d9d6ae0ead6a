package dev.kbtool.compile;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A summary from the opening of a document: its first sentences of running text, skipping
 * headings, code, tables and list markup. Cheap and predictable; the ranking compiler
 * improves on it.
 */
public final class LeadSummarizer implements DocumentCompiler {
    static final int MAX_DESCRIPTION = 160;
    private final int sentenceCount;

    public LeadSummarizer(int sentenceCount) {
        this.sentenceCount = sentenceCount;
    }

    @Override
    public DocumentAnalysis analyze(CompileInput input) {
        String title = input.displayTitle();
        List<String> sentences = new ArrayList<>();
        for (String paragraph : MarkdownText.paragraphs(input.markdown())) {
            for (String sentence : sentences(paragraph)) {
                if (sentences.size() >= sentenceCount) {
                    break;
                }
                sentences.add(sentence);
            }
            if (sentences.size() >= sentenceCount) {
                break;
            }
        }
        String description = sentences.isEmpty() ? title : describe(sentences.get(0));
        return new DocumentAnalysis(title, description, sentences, List.of(), List.of(), CompileUsage.NONE);
    }

    static List<String> sentences(String paragraph) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(paragraph);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = paragraph.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** A one-line description under 160 characters, cut at a word boundary. */
    public static String describe(String sentence) {
        String s = sentence.replaceAll("\\s+", " ").strip();
        if (s.length() < MAX_DESCRIPTION) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_DESCRIPTION - 2);
        if (cut < MAX_DESCRIPTION / 2) {
            cut = MAX_DESCRIPTION - 2;
        }
        return s.substring(0, cut).replaceAll("[\\s,;:.-]+$", "") + "…";
    }
}
