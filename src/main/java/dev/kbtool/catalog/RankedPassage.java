package dev.kbtool.catalog;

/** A passage the full-text index matched, with its BM25 score (higher is better). */
public record RankedPassage(long id, double score) {
}
