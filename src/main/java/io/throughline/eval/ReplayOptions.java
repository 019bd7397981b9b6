package io.throughline.eval;

import io.throughline.eval.Difference.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The replay command's options.
 *
 * @param conversations the recorded conversations (JSONL), or null for the database
 * @param fromDatabase  read the conversations from the configured database instead
 * @param since         with the database: only conversations opened since then (null: all)
 * @param limit         with the database: at most this many, oldest first
 * @param export        with the database: write them to this file and replay nothing
 * @param record        replay and write what happened to this file instead of comparing (a new recording)
 * @param processesDir  the journeys to replay with (null: the configured folder, {@code processes})
 * @param rulesDir      the rules to replay with (null: the configured folder, {@code rules})
 * @param maxDifferent  the share of conversations that may differ before the command fails (0 to 1)
 * @param parallel      how many conversations run at once
 * @param timeout       how long one message may keep its journey busy
 * @param compare       what is compared
 */
record ReplayOptions(Path conversations, boolean fromDatabase, Instant since, int limit, Path export, Path record,
                     Path processesDir, Path rulesDir, double maxDifferent, int parallel, Duration timeout,
                     Set<Kind> compare) {

    static final String USAGE = """
            Usage: replay --conversations FILE.jsonl | --from-database [--since DATE] [--limit N]
                          [--processes DIR] [--rules DIR] [--max-different SHARE] [--parallel N] [--timeout SECONDS]
                          [--compare decision,journey,reply] [--record OUT.jsonl]
                   replay --from-database [--since DATE] [--limit N] --export OUT.jsonl
              Replays recorded conversations against processes/ and rules/ as they are on disk (or the folders given) in a
              sandbox (in-memory database, nothing sent) and prints where decisions, journeys or replies differ.
              Exits 1 when the share of differing conversations is above --max-different (default 0; 0.05 or 5%),
              2 on bad input.
              --record OUT writes what the replay did as a new recording (scripted conversations need only messages).""";

    static ReplayOptions parse(String... args) {
        Path conversations = null;
        boolean fromDatabase = false;
        Instant since = null;
        int limit = Integer.MAX_VALUE;
        Path export = null;
        Path record = null;
        Path processes = null;
        Path rules = null;
        double maxDifferent = 0;
        int parallel = Math.max(2, Runtime.getRuntime().availableProcessors());
        Duration timeout = Duration.ofSeconds(60);
        Set<Kind> compare = EnumSet.allOf(Kind.class);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--from-database")) {
                fromDatabase = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--conversations" -> conversations = Path.of(value);
                case "--since" -> since = instant(value);
                case "--limit" -> limit = positive(option, value);
                case "--export" -> export = Path.of(value);
                case "--record" -> record = Path.of(value);
                case "--processes" -> processes = directory(option, value);
                case "--rules" -> rules = directory(option, value);
                case "--max-different" -> maxDifferent = share(value);
                case "--parallel" -> parallel = positive(option, value);
                case "--timeout" -> timeout = Duration.ofSeconds(positive(option, value));
                case "--compare" -> compare = kinds(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if ((conversations == null) == !fromDatabase) {
            throw new IllegalArgumentException("give either --conversations FILE.jsonl or --from-database");
        }
        if (export != null && !fromDatabase) {
            throw new IllegalArgumentException("--export writes conversations read --from-database");
        }
        if (conversations != null && !Files.isRegularFile(conversations)) {
            throw new IllegalArgumentException("no file " + conversations.toAbsolutePath());
        }
        return new ReplayOptions(conversations, fromDatabase, since, limit, export, record, processes, rules,
                maxDifferent, parallel, timeout, compare);
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since takes a date (2025-06-01) or a date-time with offset "
                    + "(2025-06-01T09:00:00Z), not " + value);
        }
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(option + " takes a whole number above 0, not " + value);
    }

    private static Path directory(String option, String value) {
        Path dir = Path.of(value);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + ": no folder " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** 0.05, 5% or 0: the share of conversations allowed to differ. */
    private static double share(String value) {
        try {
            double share = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                    : Double.parseDouble(value);
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("--max-different takes a share between 0 and 1 (0.05) or a percentage (5%), "
                + "not " + value);
    }

    private static Set<Kind> kinds(String value) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String kind : value.split(",")) {
            try {
                kinds.add(Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--compare takes decision, journey and reply, not " + kind);
            }
        }
        return kinds;
    }
}
