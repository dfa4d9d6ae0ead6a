package dev.kbtool.convert;

/** One page of a paged document (PDF), 1-based, as Markdown. */
public record ConvertedPage(int number, String markdown) {
}
