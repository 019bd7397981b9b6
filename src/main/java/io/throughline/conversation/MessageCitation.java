package io.throughline.conversation;

/** A source a bot message relied on: its title, where it lives (path under the knowledge folder, or a URL) and the section. */
public record MessageCitation(String title, String source, String section) {}
