package io.throughline.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of the knowledge folder, except {@code intents/}, {@code eval/} (a business's labelled questions), {@code voice.yml} and hidden files ({@code .DS_Store}). Every
 * other file is listed, whatever its type, so one the ingestion cannot take is reported rather than silently skipped.
 */
final class KnowledgeFiles {

    private final Path dir;

    KnowledgeFiles(Path dir) {
        this.dir = dir;
    }

    List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !relative(file).startsWith("intents/") && !relative(file).startsWith("eval/")
                            && !relative(file).matches("voice\\.[a-z]{2}\\.yml")
                            && !relative(file).equals("voice.yml"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list knowledge folder " + dir.toAbsolutePath(), e);
        }
    }

    /** The path under the knowledge folder, with forward slashes. */
    String relative(Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The file as an article: Markdown and HTML as they are, any other type as Markdown made from its sections. Malformed
     * UTF-8 (a page saved in another charset) becomes replacement characters instead of an error.
     */
    static String read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        return isMarkdown(file) || isHtml(file)
                ? new String(content, StandardCharsets.UTF_8)
                : new ArticleMarkdown().of(file, content);
    }

    static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    static boolean isHtml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }
}
