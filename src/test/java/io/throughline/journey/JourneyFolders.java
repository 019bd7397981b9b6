package io.throughline.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the shipped processes/, forms/ and rules/ in a temporary folder, for tests that change files. */
record JourneyFolders(Path processes, Path forms, Path rules) {

    static JourneyFolders copyInto(Path dir) {
        var folders = new JourneyFolders(dir.resolve("processes"), dir.resolve("forms"), dir.resolve("rules"));
        copy(Path.of("processes"), folders.processes);
        copy(Path.of("forms"), folders.forms);
        copy(Path.of("rules"), folders.rules);
        return folders;
    }

    JourneySettings settings() {
        return new JourneySettings(processes, forms, "PT24H");
    }

    Path generalSupport() {
        return processes.resolve("general-support.bpmn");
    }

    Path handoffForm() {
        return forms.resolve("handoff.form");
    }

    /** The journeys in a processes folder. */
    static java.util.List<Path> bpmnFiles(Path processes) {
        try (Stream<Path> files = Files.list(processes)) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in {@code file}, failing when {@code from} is not there. */
    static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
