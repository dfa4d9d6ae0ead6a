package dev.kbtool.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt of one call: send the request, wait for the headers, read the answer (a
 * stream, watched for stalls, or a whole body), and sort any failure into a
 * {@link CallFailure} kind for the retry loop.
 */
final class HttpCall {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_ANSWER_BODY = 32 * 1024 * 1024;
    private static final String OFFLINE_HINT = ", or set llm.on_unavailable: offline to compile without it";

    private final HttpClient http;
    private final ChatProtocol protocol;
    private final LlmSettings settings;
    private final URI endpoint;
    private final String apiKey;
    private final RetryPolicy retry;

    HttpCall(HttpClient http, ChatProtocol protocol, LlmSettings settings, String apiKey, RetryPolicy retry) {
        this.http = http;
        this.protocol = protocol;
        this.settings = settings;
        this.endpoint = protocol.endpoint(settings.baseUrl());
        this.apiKey = apiKey;
        this.retry = retry;
    }

    /**
     * @param callDeadline     when this attempt gives up (request_timeout, or the document's deadline if sooner)
     * @param documentDeadline when the document's whole budget runs out; then no retry is worth it
     * @throws LlmException when the document's deadline ran out
     */
    ChatResponse send(ChatRequest request, Deadline callDeadline, Deadline documentDeadline, TextListener listener)
            throws CallFailure, LlmException, InterruptedException {
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> pending =
                http.sendAsync(build(request), HttpResponse.BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = pending.get(callDeadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut(callDeadline, documentDeadline, "no answer");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw connectionFailure(e.getCause());
        }
        BodyStream body = new BodyStream();
        response.body().subscribe(body);
        try {
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                throw statusFailure(status, response.headers(), body.readAll(MAX_ERROR_BODY, callDeadline));
            }
            if (response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
                return readEvents(body, callDeadline, documentDeadline, listener);
            }
            ChatResponse whole = protocol.parse(json(body.readAll(MAX_ANSWER_BODY, callDeadline)));
            listener.text(whole.text());
            return whole;
        } catch (TimeoutException e) {
            throw timedOut(callDeadline, documentDeadline, "no complete answer");
        } catch (IOException e) {
            throw connectionFailure(e);
        } finally {
            body.cancel();
        }
    }

    private HttpRequest build(ChatRequest request) {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(protocol.body(request, settings, settings.stream()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an LLM request", e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .header("Content-Type", "application/json")
                .header("Accept", settings.stream() ? "text/event-stream" : "application/json");
        if ("http".equals(endpoint.getScheme())) {
            // Plain-text HTTP/2 means an h2c upgrade on a POST, which several local servers mishandle.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        protocol.addHeaders(builder, apiKey);
        return builder.build();
    }

    private ChatResponse readEvents(BodyStream body, Deadline callDeadline, Deadline documentDeadline,
            TextListener listener) throws CallFailure, LlmException, InterruptedException, IOException {
        SseDecoder decoder = new SseDecoder();
        StreamState state = protocol.newStream();
        while (true) {
            Duration remaining = callDeadline.remaining();
            boolean idleFirst = settings.idleTimeout().compareTo(remaining) < 0;
            byte[] piece;
            try {
                piece = body.next(idleFirst ? settings.idleTimeout() : remaining);
            } catch (TimeoutException e) {
                if (idleFirst) {
                    throw CallFailure.retryable("the answer stream stalled (no data for "
                            + Deadline.human(settings.idleTimeout()) + ", llm.idle_timeout)");
                }
                throw timedOut(callDeadline, documentDeadline, "no complete answer");
            }
            if (piece == null) {
                throw CallFailure.retryable("the answer stream ended before the answer was complete");
            }
            for (SseEvent event : decoder.feed(piece)) {
                boolean done = state.accept(event);
                listener.text(state.takeNew());
                if (done) {
                    return state.response();
                }
            }
        }
    }

    private static CallFailure timedOut(Deadline callDeadline, Deadline documentDeadline, String what)
            throws LlmException {
        if (documentDeadline.expired()) {
            throw HttpLlmClient.timeUp(documentDeadline, null);
        }
        return CallFailure.retryable(what + " within " + Deadline.human(callDeadline.budget())
                + " (llm.request_timeout)");
    }

    private CallFailure connectionFailure(Throwable failure) {
        String host = endpoint.getHost();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return CallFailure.unreachable("unknown host " + host, failure);
            }
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return CallFailure.unreachable("connecting timed out after " + Deadline.human(settings.connectTimeout())
                    + " (llm.connect_timeout)", failure);
        }
        if (failure instanceof ConnectException) {
            return CallFailure.unreachable("cannot connect (" + firstMessage(failure, "connection refused") + ")",
                    failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return CallFailure.retryable("timed out");
        }
        if (failure instanceof IOException) {
            return CallFailure.retryable("the connection failed (" + firstMessage(failure, "closed") + ")");
        }
        return CallFailure.refused("the LLM request failed: " + firstMessage(failure, failure.getClass().getName()));
    }

    private CallFailure statusFailure(int status, HttpHeaders headers, byte[] errorBody) {
        String detail = errorDetail(errorBody);
        String at = "LLM at " + settings.baseUrl();
        String keyEnv = "$" + settings.apiKeyEnv();
        return switch (status) {
            case 401 -> CallFailure.unavailable(apiKey == null
                    ? at + " needs an API key, but " + keyEnv + " is not set (401); set it" + OFFLINE_HINT
                    : at + " rejected the API key from " + keyEnv + " (401); check the key" + OFFLINE_HINT);
            case 403 -> CallFailure.unavailable(at + " refused access with the API key from " + keyEnv + " (403"
                    + suffix(detail) + "); check the key's permissions" + OFFLINE_HINT);
            case 404 -> CallFailure.unavailable(at + " has no " + endpoint.getPath() + " endpoint or no model '"
                    + settings.model() + "' (404" + suffix(detail) + "); check llm.base_url and the model names");
            case 408, 425, 429 -> CallFailure.retryable("HTTP " + status + suffix(detail),
                    retry.retryAfter(headers));
            default -> {
                if (status >= 500) {
                    yield CallFailure.retryable("HTTP " + status + suffix(detail), retry.retryAfter(headers));
                }
                if (status == 400 && protocol.adapt(detail)) {
                    yield CallFailure.adapted("the server refused an optional field: " + detail);
                }
                yield CallFailure.refused(at + " refused the request (" + status + suffix(detail) + ")");
            }
        };
    }

    private String errorDetail(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            String message = protocol.errorMessage(MAPPER.readTree(text));
            if (message != null) {
                text = message;
            }
        } catch (JsonProcessingException e) {
            // not JSON: an HTML error page from a proxy, say; its text is the best detail there is
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String suffix(String detail) {
        return detail.isEmpty() ? "" : ": " + detail;
    }

    private static JsonNode json(byte[] body) throws CallFailure {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw CallFailure.retryable("the answer was not JSON");
        }
    }

    private static String firstMessage(Throwable failure, String fallback) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return fallback;
    }
}
