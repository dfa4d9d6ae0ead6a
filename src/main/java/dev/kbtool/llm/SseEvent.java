package dev.kbtool.llm;

/** One server-sent event: its {@code event:} name ({@code message} when absent) and its data lines joined. */
record SseEvent(String event, String data) {
}
