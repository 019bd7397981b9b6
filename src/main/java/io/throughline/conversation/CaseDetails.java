package io.throughline.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The details a person needs before taking over a problem: the order number, the device and the error it shows. Taken
 * from whatever the customer writes; when the journey asked for one detail, a reply that names nothing more specific
 * is taken as that detail ("don't know" included: the question is not asked again), an order number only when it has
 * digits.
 */
@Service
public class CaseDetails {

    public static final String ORDER_NUMBER = "orderNumber";
    public static final String DEVICE = "device";
    public static final String ERROR = "error";
    /** In the order they are asked for. */
    public static final List<String> NAMES = List.of(ORDER_NUMBER, DEVICE, ERROR);

    private static final Pattern ORDER = Pattern.compile(
            "\\border\\s*(?:number|no\\.?|nr\\.?|#)?\\s*(?:is|:|#)?\\s*#?([A-Z]{0,4}-?\\d{3,}[A-Z0-9-]*)\\b|#(\\d{4,})\\b|\\b([A-Z]{2,4}-\\d{3,})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_NUMBER = Pattern.compile("\\b([A-Z]{0,4}-?\\d{4,}[A-Z0-9-]*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERROR_CODE = Pattern.compile(
            "\\b(E\\d{1,3})\\b|\\berror(?:\\s+code)?\\s*(?:is|:)?\\s*([A-Z]?\\d{1,4}[A-Z]?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNKNOWN = Pattern.compile(
            "\\b(don'?t know|do not know|dunno|not sure|no idea|don'?t have|do not have|lost it|can'?t find|none|no code|"
                    + "no error|nothing)\\b", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DETAIL = 200;

    private final List<String> devices;
    private final Messages messages;

    public CaseDetails(CaseDetailsSettings settings, Messages messages) {
        this.messages = messages;
        this.devices = settings.devices().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The details so far and what is still missing, in asking order. */
    public record Gathered(Map<String, String> details, List<String> missing) {

        public String nextToAsk() {
            return missing.isEmpty() ? null : missing.get(0);
        }
    }

    /**
     * Gathers from everything the customer wrote in the conversation: the problem as they first told it names the device
     * or the error often enough.
     */
    public Gathered gather(UUID conversationId, Map<String, String> known, String askedFor, String latest) {
        List<String> earlier = messages.transcript(conversationId).stream()
                .filter(m -> m.direction() == Direction.IN).map(Message::text).toList();
        return gather(known, earlier, askedFor, latest);
    }

    /**
     * @param known    the details gathered so far
     * @param earlier  what the customer wrote before, searched for details by their form only
     * @param askedFor the detail the customer was just asked for, or null
     * @param text     what the customer wrote last
     */
    public Gathered gather(Map<String, String> known, List<String> earlier, String askedFor, String text) {
        Map<String, String> details = new LinkedHashMap<>();
        NAMES.forEach(name -> {
            if (known.get(name) != null && !known.get(name).isBlank()) {
                details.put(name, known.get(name));
            }
        });
        String written = text == null ? "" : text.strip();
        for (String before : earlier) {
            findDevice(before).ifPresent(device -> details.putIfAbsent(DEVICE, device));
            find(ORDER, before).ifPresent(order -> details.putIfAbsent(ORDER_NUMBER, order));
            find(ERROR_CODE, before).ifPresent(code -> details.putIfAbsent(ERROR, code.toUpperCase(Locale.ROOT)));
        }
        find(ORDER, written).ifPresent(order -> details.putIfAbsent(ORDER_NUMBER, order));
        findDevice(written).ifPresent(device -> details.putIfAbsent(DEVICE, device));
        find(ERROR_CODE, written).ifPresent(code -> details.putIfAbsent(ERROR, code.toUpperCase(Locale.ROOT)));
        if (askedFor != null && !details.containsKey(askedFor) && !written.isEmpty()) {
            String answer = asAnswerTo(askedFor, written);
            if (answer != null) {
                details.put(askedFor, answer);
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        NAMES.forEach(name -> {
            if (details.containsKey(name)) {
                ordered.put(name, details.get(name));
            } else {
                missing.add(name);
            }
        });
        return new Gathered(ordered, missing);
    }

    private static String asAnswerTo(String askedFor, String written) {
        if (UNKNOWN.matcher(written).find()) {
            return "unknown";
        }
        if (askedFor.equals(ORDER_NUMBER)) {
            // an order number has digits: "I want to talk to a person" is not one, and the question stays open
            return find(ANY_NUMBER, written).orElse(written.matches(".*\\d{3,}.*") ? cut(written) : null);
        }
        return cut(written);
    }

    private java.util.Optional<String> findDevice(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return devices.stream().filter(device -> lower.contains(device.toLowerCase(Locale.ROOT))).findFirst();
    }

    private static java.util.Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return java.util.Optional.empty();
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return java.util.Optional.of(matcher.group(group));
            }
        }
        return java.util.Optional.empty();
    }

    private static String cut(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
