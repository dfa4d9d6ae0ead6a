package dev.kbtool.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** How an answer reads: for people (the answer, then its numbered sources) and for programs (one object). */
public final class AnswerFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerFormat() {
    }

    /** The answer's text and its sources; the text is left out when it was already shown as it arrived. */
    public static String text(Answer a, boolean textShown) {
        StringBuilder out = new StringBuilder();
        if (!textShown) {
            if (a.status() == Answer.Status.UNSUPPORTED) {
                out.append("Unsupported: the LLM's answer cites none of the passages it was given, so it is not"
                        + " grounded in the knowledge base. It said:\n\n");
            }
            out.append(a.text().strip()).append('\n');
        }
        if (!a.citations().isEmpty()) {
            out.append("\nSources:\n").append(sources(a.citations()));
        }
        if (!a.related().isEmpty()) {
            out.append("\nClosest passages:\n").append(sources(a.related()));
        }
        return out.toString();
    }

    /** One source per entry: number, title and place, then the file and the wikilink. */
    static String sources(List<Citation> citations) {
        StringBuilder out = new StringBuilder();
        for (Citation c : citations) {
            out.append('[').append(c.n()).append("] ").append(c.title() == null || c.title().isBlank() ? c.path()
                    : c.title().strip());
            if (c.file() != null) {
                out.append(" — ").append(c.file());
            }
            if (c.page() > 0) {
                out.append(", page ").append(c.page());
            }
            out.append("\n    ").append(c.path()).append(" · ").append(c.wikilink()).append('\n');
        }
        return out.toString();
    }

    /** The answer as one JSON object (see the README for the fields). */
    public static ObjectNode json(Answer a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("question", a.question());
        o.put("answer", a.text());
        o.put("answered", a.answered());
        o.put("status", a.status().wireName());
        o.put("mode", a.mode());
        citations(o.putArray("citations"), a.citations());
        if (!a.related().isEmpty()) {
            citations(o.putArray("related"), a.related());
        }
        if (!a.dropped().isEmpty()) {
            ArrayNode dropped = o.putArray("dropped_citations");
            a.dropped().forEach(dropped::add);
        }
        if (a.mode().equals("llm")) {
            o.putObject("tokens").put("input", a.usage().inputTokens()).put("output", a.usage().outputTokens())
                    .put("calls", a.usage().calls());
        }
        return o;
    }

    private static void citations(ArrayNode into, List<Citation> citations) {
        for (Citation c : citations) {
            ObjectNode n = into.addObject();
            n.put("n", c.n());
            n.put("doc", c.document());
            n.put("file", c.file());
            n.put("title", c.title());
            if (c.page() > 0) {
                n.put("page", c.page());
            } else {
                n.putNull("page");
            }
            n.put("wikilink", c.wikilink());
            n.put("path", c.path());
            n.put("quote", c.quote());
        }
    }
}
