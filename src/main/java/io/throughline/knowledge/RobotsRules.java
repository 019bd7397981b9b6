package io.throughline.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a robots.txt that apply to us: the group naming our agent, else the {@code *} group. The longest matching
 * {@code Allow} or {@code Disallow} prefix decides ({@code Allow} on a tie); {@code *} and {@code $} in a rule are
 * honoured; no rule means allowed.
 */
final class RobotsRules {

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private record Rule(boolean allow, String pattern) {
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsRules parse(String robotsTxt, String agent) {
        List<Rule> ours = null;
        List<Rule> anyone = null;
        List<Rule> group = null;
        boolean readingAgents = false;
        for (String raw : robotsTxt.split("\\R")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("user-agent")) {
                if (!readingAgents) {
                    group = new ArrayList<>();
                    readingAgents = true;
                }
                String name = value.toLowerCase(Locale.ROOT);
                if (name.equals("*") && anyone == null) {
                    anyone = group;
                } else if (!name.equals("*") && agent.toLowerCase(Locale.ROOT).contains(name) && ours == null) {
                    ours = group;
                }
            } else if (group != null && (field.equals("allow") || field.equals("disallow"))) {
                readingAgents = false;
                if (!value.isEmpty()) {
                    group.add(new Rule(field.equals("allow"), value));
                }
            }
        }
        List<Rule> chosen = ours != null ? ours : anyone;
        return chosen == null ? ALLOW_ALL : new RobotsRules(List.copyOf(chosen));
    }

    /** @param pathAndQuery the URL's path with its query, e.g. {@code /help?page=2} */
    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), pathAndQuery) && (best == null || rule.pattern().length() > best.pattern().length()
                    || rule.pattern().length() == best.pattern().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        String regex = Arrays.stream(body.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return path.matches(regex + (anchored ? "" : ".*"));
    }
}
