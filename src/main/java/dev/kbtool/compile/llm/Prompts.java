package dev.kbtool.compile.llm;

import java.util.List;


/**
 * What kb asks the model. Each call is about one document (or one topic, for overviews) and
 * asks for one JSON object of a stated shape; the document comes first and the task last,
 * the order long-context models follow best. Pages are never written by the model as a
 * whole: it supplies parts (description, summary sentences, per-document contributions)
 * that kb assembles, so adding a document never means rewriting shared pages.
 */
final class Prompts {
    private Prompts() {
    }

    /**
     * @param language the configured page language, or null to write in the document's own
     */
    static String system(String language) {
        String lang = language == null
                ? "Write every text value in the language of the material you are given."
                : "Write every text value in " + language + ", whatever the language of the material.";
        return """
                You help compile a knowledge base: a Markdown wiki with a summary page per document \
                and concept and entity pages shared by many documents. You read the material you are \
                given and report what it says, never facts from elsewhere. %s \
                Write plain prose: no Markdown, no links, no headings. \
                Reply with exactly one JSON object of the requested shape and nothing else: \
                no code fences, no comments before or after it. Keep JSON keys in English.""".formatted(lang);
    }

    static String summarize(String title, String material, boolean notes, int minSentences) {
        return material(title, material, notes) + """

                Task: describe and summarise the whole document.
                Reply with JSON of this shape:
                {"description": "one line under 160 characters saying what the document is about",
                 "summary": ["sentence", "sentence", ...]}
                Rules:
                - "description" says what the document is about or claims; it is not the title and does not repeat it.
                - "summary" has %d to 12 complete sentences of plain prose covering the main points, \
                findings and conclusions in the document's order.
                """.formatted(minSentences);
    }

    static String extract(String title, String material, boolean notes, int maxConcepts, int maxEntities) {
        return material(title, material, notes) + """

                Task: list what the document is substantially about: at most %d concepts and at most %d \
                named entities, the most important first.
                Reply with JSON of this shape:
                {"concepts": [{"name": "...", "aliases": ["..."], "contribution": "..."}],
                 "entities": [{"name": "...", "type": "person|organization|place|product|work|event|other",
                               "aliases": ["..."], "contribution": "..."}]}
                Rules:
                - A concept is an idea, method, technique, field, theory or phenomenon; an entity is one \
                specific named person, organization, place, product, work (book, paper, law, software \
                release...), event or other named thing.
                - "name": the usual short name, singular for concepts, without explanations. "aliases": other \
                names or abbreviations the document uses, or [].
                - "contribution": 1 to 3 sentences on what THIS document says about it: its claims, findings, \
                numbers, or role in the document. Not a general definition, and never just the name again.
                - Leave out things only mentioned in passing. Use [] for a list with nothing that fits.
                """.formatted(maxConcepts, maxEntities);
    }

    static String notes(String title, String part, int number, int count) {
        return "<document title=\"" + attribute(title) + "\" part=\"" + number + " of " + count + "\">\n" + part
                + "\n</document>\n\n" + """
                Task: take notes on this part of the document for a later summary of the whole.
                Reply with JSON of this shape: {"notes": ["sentence", ...]}
                Rules: up to 10 sentences covering this part's main points, claims and figures, naming \
                every important concept and named entity with what this part says about it.
                """;
    }

    static String overview(String name, List<String> contributions) {
        StringBuilder s = new StringBuilder("<topic name=\"" + attribute(name) + "\">\n");
        for (String c : contributions) {
            s.append("<contribution>").append(c).append("</contribution>\n");
        }
        return s + "</topic>\n\n" + """
                Each contribution says what one document of the knowledge base says about this topic.
                Task: write an overview paragraph that combines them.
                Reply with JSON of this shape: {"overview": "paragraph"}
                Rules: 2 to 5 sentences; only what the contributions say; note where they disagree.
                """;
    }

    /** The repair request sent after an invalid answer. */
    static String repair(String reason) {
        return "Your answer was not valid: " + reason + ". Reply with only the JSON object.";
    }

    private static String material(String title, String material, boolean notes) {
        String tag = notes ? "notes" : "document";
        String intro = notes ? "Notes on every part of a long document, in order.\n" : "";
        return intro + "<" + tag + " title=\"" + attribute(title) + "\">\n" + material + "\n</" + tag + ">";
    }

    private static String attribute(String s) {
        return s.replace("\"", "'").replaceAll("\\s+", " ");
    }
}
