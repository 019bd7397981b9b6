package io.throughline.journey;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validate command's arguments: {@code --processes DIR}, {@code --rules DIR}, {@code --forms DIR} (or
 * {@code --x=DIR}), defaulting as the application does: the environment's {@code THROUGHLINE_JOURNEY_PROCESSES_DIR},
 * {@code THROUGHLINE_RULES_DIR}, {@code THROUGHLINE_JOURNEY_FORMS_DIR}, else {@code processes}, {@code rules},
 * {@code forms} in the working directory.
 */
final class Arguments {

    private static final Map<String, String> ENVIRONMENT = Map.of("processes", "THROUGHLINE_JOURNEY_PROCESSES_DIR",
            "rules", "THROUGHLINE_RULES_DIR", "forms", "THROUGHLINE_JOURNEY_FORMS_DIR");

    private Arguments() {
    }

    static Map<String, Path> parse(String[] args) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i == 0 && arg.equals(ValidateCommand.NAME)) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!ENVIRONMENT.containsKey(name) && !name.equals("drl")) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            dirs.put(name, Path.of(value));
        }
        ENVIRONMENT.forEach((name, variable) -> dirs.computeIfAbsent(name,
                n -> Path.of(System.getenv().getOrDefault(variable, n))));
        return dirs;
    }
}
