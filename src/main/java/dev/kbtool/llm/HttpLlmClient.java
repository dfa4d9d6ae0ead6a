package dev.kbtool.llm;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The chat model over HTTP, for either protocol. Shared by all prepare workers: a fair
 * semaphore bounds the calls in flight across threads (waiting for a permit counts against
 * the caller's deadline), transient failures are retried with back-off, and once the service
 * proves unusable every later call fails at once with the same message, so a batch reports
 * it once instead of once per document.
 */
public final class HttpLlmClient implements ChatModel {
    private final LlmSettings settings;
    private final HttpCall call;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Semaphore permits;
    private volatile LlmUnavailableException unavailable;

    /**
     * @param environment where the API key is looked up, under {@code settings.apiKeyEnv()}
     * @param sleeper     how back-off waits ({@link Sleeper#REAL} outside tests)
     */
    public HttpLlmClient(LlmSettings settings, Map<String, String> environment, Sleeper sleeper) {
        this.settings = settings.validate();
        this.sleeper = sleeper;
        this.retry = new RetryPolicy(settings.maxRetries(), settings.retryBaseDelay(), settings.retryMaxDelay(),
                settings.maxRetryAfter(), () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
        this.permits = new Semaphore(settings.maxConcurrency(), true);
        String key = environment.get(settings.apiKeyEnv());
        ChatProtocol protocol = switch (settings.provider()) {
            case OPENAI -> new OpenAiChatProtocol(settings.jsonMode());
            case ANTHROPIC -> new AnthropicMessagesProtocol();
        };
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.call = new HttpCall(http, protocol, settings, key == null || key.isBlank() ? null : key.strip(), retry);
    }

    public static HttpLlmClient create(LlmSettings settings, Map<String, String> environment) {
        return new HttpLlmClient(settings, environment, Sleeper.REAL);
    }

    @Override
    public ChatResponse complete(ChatRequest request, Deadline deadline) throws LlmException, InterruptedException {
        return complete(request, deadline, TextListener.NONE);
    }

    @Override
    public ChatResponse complete(ChatRequest request, Deadline deadline, TextListener listener)
            throws LlmException, InterruptedException {
        int retries = 0;
        TextListener told = new Told(listener);
        while (true) {
            failIfUnavailable();
            try {
                return attempt(request, deadline, told);
            } catch (CallFailure f) {
                switch (f.kind()) {
                    case ADAPTED -> {
                        // the request changed; sending it again is not a retry of the same failure
                    }
                    case REFUSED -> throw new LlmException(f.getMessage(), f);
                    case UNAVAILABLE -> throw giveUp(f.getMessage(), f);
                    case RETRYABLE -> {
                        if (retries >= retry.maxRetries()) {
                            throw giveUp(exhausted(f, retries + 1), f);
                        }
                        retries++;
                        Duration wait = retry.delay(retries, f.retryAfter());
                        if (wait.compareTo(deadline.remaining()) >= 0) {
                            throw timeUp(deadline, f);
                        }
                        sleeper.sleep(wait);
                        told.restart();
                    }
                }
            }
        }
    }

    private ChatResponse attempt(ChatRequest request, Deadline deadline, TextListener listener)
            throws CallFailure, LlmException, InterruptedException {
        if (!permits.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
            throw timeUp(deadline, null);
        }
        try {
            failIfUnavailable();
            return call.send(request, deadline.earlier(Deadline.after(settings.requestTimeout())), deadline, listener);
        } finally {
            permits.release();
        }
    }

    /** Passes pieces on, and a restart only when some piece was told since the last one. */
    private static final class Told implements TextListener {
        private final TextListener listener;
        private boolean told;

        Told(TextListener listener) {
            this.listener = listener;
        }

        @Override
        public void text(String piece) {
            if (!piece.isEmpty()) {
                told = true;
                listener.text(piece);
            }
        }

        @Override
        public void restart() {
            if (told) {
                told = false;
                listener.restart();
            }
        }
    }

    private void failIfUnavailable() {
        LlmUnavailableException known = unavailable;
        if (known != null) {
            throw new LlmUnavailableException(known.getMessage(), known);
        }
    }

    private LlmUnavailableException giveUp(String message, Throwable cause) {
        LlmUnavailableException e = new LlmUnavailableException(message, cause);
        synchronized (this) {
            if (unavailable == null) {
                unavailable = e;
            }
        }
        return e;
    }

    private String exhausted(CallFailure last, int attempts) {
        String tries = " after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ");
        if (last.unreachable()) {
            return "cannot reach the LLM at " + settings.baseUrl() + tries + last.getMessage()
                    + "; check that it is running and llm.base_url, or set llm.on_unavailable: offline";
        }
        return "the LLM at " + settings.baseUrl() + " kept failing" + tries + last.getMessage()
                + "; try again later, or set llm.on_unavailable: offline";
    }

    /** The failure of a document whose LLM time budget ran out, naming the last problem seen. */
    static LlmException timeUp(Deadline deadline, CallFailure last) {
        return new LlmException("the LLM time limit of " + Deadline.human(deadline.budget())
                + " (llm.document_timeout) ran out" + (last == null ? "" : "; last problem: " + last.getMessage()),
                last);
    }
}
