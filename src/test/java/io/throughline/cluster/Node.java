package io.throughline.cluster;

import io.throughline.support.AppProcess;
import io.throughline.support.Postgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One node of a test cluster: the app in a JVM of its own on the shared database, with a knowledge folder and index
 * folder of its own (as two machines would have) and its own hostname in the engine, so the job log tells who ran what.
 */
final class Node {

    private Node() {
    }

    static AppProcess start(Path dir, String name, Postgres.Database database, String... extra)
            throws IOException, InterruptedException {
        Path knowledge = dir.resolve("knowledge-" + name);
        if (!Files.exists(knowledge)) {
            copy(Path.of("knowledge"), knowledge);
        }
        List<String> settings = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--throughline.demo-user=true",
                "--throughline.knowledge.dir=" + knowledge,
                "--throughline.knowledge.index-dir=" + dir.resolve("index-" + name),
                "--throughline.journey.reload=false",
                // the job log (ACT_HI_JOB_LOG) is kept from history level full on; its HOSTNAME_ names the node
                "--camunda.bpm.history-level=full",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // a stopped node's acquired jobs are free for the other one after seconds rather than a minute
                "--camunda.bpm.job-execution.lock-time-in-millis=5000"));
        settings.addAll(List.of(extra));
        return AppProcess.start(dir, name + "-" + System.nanoTime(), settings.toArray(String[]::new));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
