package io.throughline.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every form a process refers to must be in {@code forms/}: {@code camunda:formKey="camunda-forms:deployment:NAME"} by
 * its file name. The engine accepts a missing one at deployment; Tasklist fails when the task opens.
 */
final class FormReferences {

    private static final Pattern DEPLOYMENT_FORM = Pattern.compile("camunda-forms:deployment:([^\"'\\s<>]+)");

    private FormReferences() {
    }

    static List<String> problems(List<Path> processes, List<Path> forms, Path formsDir) {
        Set<String> names = forms.stream().map(form -> form.getFileName().toString()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Path process : processes) {
            List<String> lines = lines(process);
            for (int i = 0; i < lines.size(); i++) {
                Matcher reference = DEPLOYMENT_FORM.matcher(lines.get(i));
                while (reference.find()) {
                    if (!names.contains(reference.group(1))) {
                        problems.add(process + ":" + (i + 1) + ":" + (reference.start() + 1) + ": the form "
                                + reference.group(1) + " is not in " + formsDir + " (forms there: "
                                + (names.isEmpty() ? "none" : String.join(", ", names.stream().sorted().toList())) + ")");
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
