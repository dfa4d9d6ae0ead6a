package dev.kbtool.compile.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model's answer. Models wrap it in ```json fences, put a
 * sentence before it or a remark after it; the object itself is what counts.
 */
final class JsonReplies {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```", Pattern.DOTALL);
    private static final int MAX_STARTS = 20;

    private JsonReplies() {
    }

    static JsonNode extractObject(String answer) throws InvalidReplyException {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            throw new InvalidReplyException("the answer was empty");
        }
        List<String> candidates = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            candidates.add(fence.group(1));
        }
        candidates.add(text);
        String firstError = null;
        for (String candidate : candidates) {
            int starts = 0;
            for (int i = candidate.indexOf('{'); i >= 0 && starts < MAX_STARTS; i = candidate.indexOf('{', i + 1)) {
                starts++;
                try (JsonParser parser = MAPPER.createParser(candidate.substring(i))) {
                    JsonNode node = MAPPER.readTree(parser);
                    if (node != null && node.isObject()) {
                        return node;
                    }
                } catch (JsonProcessingException e) {
                    if (firstError == null) {
                        firstError = e.getOriginalMessage();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("reading a string cannot fail", e);
                }
            }
        }
        if (firstError == null) {
            throw new InvalidReplyException("it contains no JSON object");
        }
        String detail = firstError.replaceAll("\\s+", " ");
        throw new InvalidReplyException("the JSON object is not well-formed ("
                + (detail.length() > 160 ? detail.substring(0, 160) + "…" : detail) + ")");
    }
}
