package io.throughline.knowledge;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The file types the knowledge folder can hold, known by their extension. */
enum SourceFormat {

    MARKDOWN("md", "markdown"),
    HTML("html", "htm"),
    PDF("pdf"),
    DOCX("docx"),
    CSV("csv"),
    XLSX("xlsx"),
    TEXT("txt");

    private final List<String> extensions;

    SourceFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    static Optional<SourceFormat> of(Path file) {
        return of(file.getFileName().toString());
    }

    static Optional<SourceFormat> of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return Arrays.stream(values()).filter(format -> format.extensions.contains(extension)).findFirst();
    }

    /** Every accepted extension with its dot, for messages: {@code .md, .markdown, .html, ...}. */
    static String supported() {
        return String.join(", ", Arrays.stream(values()).flatMap(format -> format.extensions.stream())
                .map(extension -> "." + extension).toList());
    }

    static Stream<String> extensions() {
        return Arrays.stream(values()).flatMap(format -> format.extensions.stream());
    }
}
