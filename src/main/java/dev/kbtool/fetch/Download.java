package dev.kbtool.fetch;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * One response body written to a file as it arrives, cut off past a size limit, with the
 * moment of its last bytes (so a server that stops sending is noticed) and its first bytes (so
 * its format can be told). Bodies of redirects and errors are not kept.
 */
final class Download {
    /** The body passed the size limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large");
        }
    }

    private static final int HEAD = 8192;

    private final Path file;
    private final long maxBytes;
    private final byte[] head = new byte[HEAD];
    private volatile int headLength;
    private volatile long bytes;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean started;
    private volatile boolean tooLarge;
    private volatile Flow.Subscription subscription;

    Download(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** The subscriber for a response: the file for a success, nothing kept for anything else. */
    HttpResponse.BodySubscriber<Void> subscriber(HttpResponse.ResponseInfo info) {
        started = true;
        lastProgress = System.nanoTime();
        if (info.statusCode() < 200 || info.statusCode() >= 300) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
        if (declared > maxBytes) {
            // Refused before a byte is read: the header says it is over the limit.
            tooLarge = true;
            return HttpResponse.BodySubscribers.replacing(null);
        }
        return new ToFile();
    }

    boolean started() {
        return started;
    }

    long lastProgress() {
        return lastProgress;
    }

    long bytes() {
        return bytes;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    byte[] head() {
        return Arrays.copyOf(head, headLength);
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private final class ToFile implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> body = new CompletableFuture<>();
        private FileChannel channel;

        @Override
        public CompletionStage<Void> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                s.cancel();
                body.completeExceptionally(e);
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer b : buffers) {
                    int n = b.remaining();
                    if (bytes + n > maxBytes) {
                        tooLarge = true;
                        throw new TooLarge();
                    }
                    int copy = Math.min(n, HEAD - headLength);
                    if (copy > 0) {
                        b.duplicate().get(head, headLength, copy);
                        headLength += copy;
                    }
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                    bytes += n;
                }
                lastProgress = System.nanoTime();
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                close();
                body.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            close();
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            close();
            body.complete(null);
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // Only the download's own temporary file; a failure to close it shows as a short file.
            }
        }
    }
}
