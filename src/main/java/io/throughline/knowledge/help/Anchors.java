package io.throughline.knowledge.help;

import java.util.Locale;

/** A heading's anchor: the same for the rendered heading and a search result's section, so results deep-link. */
final class Anchors {

    private Anchors() {
    }

    static String of(String heading) {
        String slug = heading == null ? "" : heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "section" : slug;
    }
}
