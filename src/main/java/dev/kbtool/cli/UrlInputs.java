package dev.kbtool.cli;

import dev.kbtool.catalog.KbVersion;
import dev.kbtool.config.Config;
import dev.kbtool.fetch.FetchException;
import dev.kbtool.fetch.UrlFetcher;
import dev.kbtool.ingest.AddOutcome;
import dev.kbtool.ingest.InputFile;
import dev.kbtool.tx.StagingLease;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The URLs given to {@code kb add}, downloaded one after another into a staging lease (so a
 * killed run leaves nothing the next command does not sweep away) before the batch runs. Each
 * becomes a file of the batch, named and remembered by its URL, or a failed entry saying why.
 */
final class UrlInputs {
    /** Connecting takes no longer than this anywhere kb is expected to work. */
    private static final Duration CONNECT = Duration.ofSeconds(10);
    /** A server silent this long will not answer. */
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final int REDIRECTS = 5;

    /** The downloads, and the URLs that could not be had. */
    record Fetched(List<InputFile> files, List<AddOutcome> failures) {
    }

    private UrlInputs() {
    }

    /**
     * @param started told before each download, for the progress line
     * @param failed  told about each URL that fails, as it fails
     * @param stop    true stops fetching (Ctrl-C)
     */
    static Fetched fetch(List<String> urls, Config config, Set<String> readable, StagingLease lease,
            Consumer<String> started, Consumer<AddOutcome> failed, BooleanSupplier stop) throws IOException {
        Duration total = config.fileTimeout();
        UrlFetcher fetcher = new UrlFetcher(new UrlFetcher.Limits(config.maxFileSize(), CONNECT,
                IDLE.compareTo(total) < 0 ? IDLE : total, total, REDIRECTS), readable, "kb/" + KbVersion.release());
        List<InputFile> files = new ArrayList<>();
        List<AddOutcome> failures = new ArrayList<>();
        for (String url : urls) {
            if (stop.getAsBoolean()) {
                break;
            }
            started.accept(url);
            try {
                UrlFetcher.Fetched f = fetcher.fetch(url, lease.newFolder("url"), stop);
                files.add(InputFile.fetched(f.file(), url));
            } catch (FetchException e) {
                if (stop.getAsBoolean()) {
                    break;
                }
                AddOutcome outcome = AddOutcome.failed(url, switch (e.kind()) {
                    case UNAVAILABLE -> AddOutcome.Failure.UNREADABLE;
                    case LIMIT -> AddOutcome.Failure.LIMIT;
                    case UNSUPPORTED -> AddOutcome.Failure.BAD_DATA;
                }, e.getMessage());
                failures.add(outcome);
                failed.accept(outcome);
            }
        }
        return new Fetched(files, failures);
    }
}
