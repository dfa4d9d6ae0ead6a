package dev.kbtool.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/** JSON Lines on stdout: one compact object per line, the format every --json output uses. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * The object every --json output ends with, {@code "summary": true} first. A command whose
     * whole result is one object (status, doctor, show, config get) prints only this one.
     */
    static ObjectNode summary() {
        return object().put("summary", true);
    }

    static void line(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
