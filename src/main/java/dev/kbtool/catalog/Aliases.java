package dev.kbtool.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Topic aliases as the catalog stores them: a JSON array in one column. */
final class Aliases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Aliases() {
    }

    static String format(List<String> aliases) {
        try {
            return JSON.writeValueAsString(aliases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> parse(String json) {
        try {
            return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
