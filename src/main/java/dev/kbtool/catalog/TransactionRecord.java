package dev.kbtool.catalog;

import java.time.Instant;

/** A committed transaction: the catalog's proof that a mutation is durable. */
public record TransactionRecord(String txid, String operation, String detail, Instant committedAt) {
}
