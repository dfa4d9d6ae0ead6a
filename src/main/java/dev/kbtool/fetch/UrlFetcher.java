package dev.kbtool.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Downloads an http(s) URL for {@code kb add} into a folder it is given, as a file named after
 * the URL with the extension of the format it turned out to be. Every way a download can go on
 * forever is bounded: redirects are followed by hand, at most {@code maxRedirects} and never in
 * a circle; the body is cut off past {@code maxBytes} (before reading, when Content-Length says
 * so); a server that does not answer, or stops sending, for {@code idleTimeout} is given up on,
 * and so is a download that takes longer than {@code totalTimeout}. Every failure is a
 * {@link FetchException} with one line about that URL.
 */
public final class UrlFetcher {
    /**
     * @param maxBytes      the largest body taken (the config's max_file_size)
     * @param connectTimeout to open the connection
     * @param idleTimeout   the longest wait for the server's answer or its next bytes
     * @param totalTimeout  the whole download, redirects included (the config's file_timeout)
     * @param maxRedirects  redirects followed
     */
    public record Limits(long maxBytes, Duration connectTimeout, Duration idleTimeout, Duration totalTimeout,
            int maxRedirects) {
    }

    /**
     * A URL fetched.
     *
     * @param url         as given
     * @param finalUrl    where it was found after redirects
     * @param file        the downloaded file, named after the URL with the extension of its format
     * @param contentType as the server sent it, or ""
     * @param bytes       the body's size
     */
    public record Fetched(String url, String finalUrl, Path file, String contentType, long bytes) {
    }

    private static final long POLL_MILLIS = 50;

    private final HttpClient client;
    private final Limits limits;
    private final Set<String> readable;
    private final String userAgent;

    /**
     * @param readable  the extensions kb reads; a download of another type fails
     * @param userAgent what kb says it is to servers
     */
    public UrlFetcher(Limits limits, Set<String> readable, String userAgent) {
        this.limits = limits;
        this.readable = Set.copyOf(readable);
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A scheme and "://": an argument written as a URL, whichever the scheme. */
    private static final Pattern URL_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

    /**
     * Whether a command-line argument is a URL rather than a path: any scheme, so that
     * {@code ftp://host/a.pdf} fails as a URL kb does not download instead of as a missing
     * file {@code ftp:/host/a.pdf}.
     */
    public static boolean isUrl(String argument) {
        return URL_LIKE.matcher(argument).matches();
    }

    /**
     * Downloads {@code url} into {@code folder}.
     *
     * @param stop asked while waiting: true gives up (the user pressed Ctrl-C)
     */
    public Fetched fetch(String url, Path folder, BooleanSupplier stop) throws FetchException {
        URI uri = parse(url);
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        Set<URI> seen = new HashSet<>();
        for (int redirects = 0; ; redirects++) {
            if (!seen.add(uri)) {
                throw new FetchException(FetchException.Kind.UNAVAILABLE, "redirect loop: " + uri
                        + " redirects back to itself");
            }
            if (redirects > limits.maxRedirects()) {
                throw new FetchException(FetchException.Kind.UNAVAILABLE, "more than " + limits.maxRedirects()
                        + " redirects");
            }
            Path part = folder.resolve(".download-" + redirects);
            Download download = new Download(part, limits.maxBytes());
            HttpResponse<Void> response = exchange(uri, download, deadline, stop);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                uri = redirectTarget(uri, response.headers().firstValue("location").get());
                delete(part);
                continue;
            }
            if (status < 200 || status >= 300) {
                delete(part);
                throw new FetchException(FetchException.Kind.UNAVAILABLE, "HTTP " + status + reasonPhrase(status));
            }
            if (download.tooLarge()) {
                delete(part);
                throw tooLarge();
            }
            String contentType = response.headers().firstValue("content-type").orElse("");
            String extension = ContentTypes.extension(contentType, download.head(), urlExtension(uri), readable);
            if (extension == null || !readable.contains(extension)) {
                delete(part);
                String media = ContentTypes.mediaType(contentType);
                throw new FetchException(FetchException.Kind.UNSUPPORTED, "unsupported content type "
                        + (media.isEmpty() ? "(none given)" : "'" + media + "'") + "; kb reads "
                        + String.join(", ", readable.stream().sorted().map(e -> "." + e).toList()));
            }
            Path file = folder.resolve(fileName(uri, extension));
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                delete(part);
                throw new UncheckedIOException(e);
            }
            return new Fetched(url, uri.toString(), file, contentType, download.bytes());
        }
    }

    private HttpResponse<Void> exchange(URI uri, Download download, long deadline, BooleanSupplier stop)
            throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw slow();
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofNanos(Math.min(left, limits.idleTimeout().toNanos())))
                .header("User-Agent", userAgent).header("Accept", "*/*").build();
        CompletableFuture<HttpResponse<Void>> future = client.sendAsync(request, download::subscriber);
        try {
            while (true) {
                try {
                    return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException waiting) {
                    long now = System.nanoTime();
                    FetchException reason = stop.getAsBoolean()
                            ? new FetchException(FetchException.Kind.UNAVAILABLE, "interrupted")
                            : now > deadline ? slow()
                            : download.started() && now - download.lastProgress() > limits.idleTimeout().toNanos()
                                    ? new FetchException(FetchException.Kind.LIMIT, "the server stopped sending for "
                                            + seconds(limits.idleTimeout()))
                                    : null;
                    if (reason != null) {
                        download.cancel();
                        future.cancel(true);
                        throw reason;
                    }
                }
            }
        } catch (InterruptedException e) {
            download.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.UNAVAILABLE, "interrupted");
        } catch (ExecutionException e) {
            download.cancel();
            throw download.tooLarge() ? tooLarge() : failure(uri, e.getCause());
        }
    }

    private FetchException failure(URI uri, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Kind.UNAVAILABLE, "cannot connect to " + uri.getHost() + " within "
                    + seconds(limits.connectTimeout()));
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(FetchException.Kind.LIMIT, "no answer from " + uri.getHost() + " within "
                    + seconds(limits.idleTimeout()));
        }
        if (cause instanceof ConnectException) {
            return new FetchException(FetchException.Kind.UNAVAILABLE, "cannot connect to " + hostPort(uri)
                    + " (connection refused)");
        }
        if (cause instanceof UnknownHostException || cause != null && cause.getCause() instanceof UnknownHostException) {
            return new FetchException(FetchException.Kind.UNAVAILABLE, "unknown host " + uri.getHost());
        }
        String detail = cause == null ? "unknown error" : cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName();
        return new FetchException(FetchException.Kind.UNAVAILABLE, "download failed: " + detail);
    }

    private FetchException tooLarge() {
        return new FetchException(FetchException.Kind.LIMIT, "larger than max_file_size (" + limits.maxBytes()
                + " bytes)");
    }

    private FetchException slow() {
        return new FetchException(FetchException.Kind.LIMIT, "took longer than " + seconds(limits.totalTimeout())
                + " (file_timeout)");
    }

    private static URI parse(String url) throws FetchException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException(FetchException.Kind.UNSUPPORTED, "kb downloads http and https URLs, not "
                        + scheme);
            }
            if (uri.getHost() == null) {
                throw new URISyntaxException(url, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.UNAVAILABLE, "not a valid URL (" + e.getReason() + ")");
        }
    }

    private static URI redirectTarget(URI from, String location) throws FetchException {
        URI target;
        try {
            target = from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.UNAVAILABLE, "redirected to an invalid URL: " + location);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.UNAVAILABLE, "redirected to " + target
                    + ", which is not http(s)");
        }
        return target;
    }

    /** The URL's last path segment, decoded and made a safe file name, with {@code extension}. */
    static String fileName(URI uri, String extension) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String name;
        try {
            name = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            name = last;
        }
        name = name.replaceAll("[\\p{Cntrl}/\\\\]", "-").strip();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        if (name.isEmpty() || name.startsWith(".")) {
            name = uri.getHost() == null ? "download" : uri.getHost();
        }
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return name + "." + extension;
    }

    private static String urlExtension(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 ? last.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String hostPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The folder is a staging lease, removed whole after the batch.
        }
    }
}
