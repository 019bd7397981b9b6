package io.throughline.conversation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a prospect says about themselves when qualified: how many people (teamSize, null when not said) and what for
 * (useCase: home, office, cafe, restaurant, shop, gift; null when not said).
 */
public record Lead(Integer teamSize, String useCase) {

    private static final Pattern NUMBER_OF_PEOPLE = Pattern.compile(
            "(\\d{1,5})\\s*\\+?\\s*(?:people|persons?|users|staff|employees|colleagues|baristas|of us|coffee drinkers|"
                    + "drinkers|in (?:the|our|my) team)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUP_OF = Pattern.compile(
            "\\b(?:team of|office of|company of|we are|we're|there are|for)\\s+(?:about |around |roughly |~)?(\\d{1,5})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_ALONE = Pattern.compile("(?:about |around |roughly |~)?(\\d{1,5})\\s*[.!]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALONE = Pattern.compile("\\b(just me|only me|myself|solo|alone|one person)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUPLE = Pattern.compile("\\b(two of us|my partner and me|me and my partner|a couple)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Pattern> USES = Map.of(
            "home", Pattern.compile("\\b(home|house|kitchen|personal|family|myself)\\b", Pattern.CASE_INSENSITIVE),
            "office", Pattern.compile("\\b(office|work|team|company|coworkers|co-workers|colleagues|business)\\b", Pattern.CASE_INSENSITIVE),
            "cafe", Pattern.compile("\\b(caf[eé]s?|coffee ?shop|coffee ?bar)\\b", Pattern.CASE_INSENSITIVE),
            "restaurant", Pattern.compile("\\b(restaurant|hotel|bistro|catering)\\b", Pattern.CASE_INSENSITIVE),
            "shop", Pattern.compile("\\b(shop|store|retail|resell)\\b", Pattern.CASE_INSENSITIVE),
            "gift", Pattern.compile("\\b(gift|present)\\b", Pattern.CASE_INSENSITIVE));
    private static final String[] USE_ORDER = {"cafe", "restaurant", "shop", "office", "gift", "home"};

    public static Lead from(String text) {
        String said = text == null ? "" : text;
        return new Lead(teamSize(said), useCase(said));
    }

    public boolean qualified() {
        return teamSize != null || useCase != null;
    }

    private static Integer teamSize(String text) {
        if (ALONE.matcher(text).find()) {
            return 1;
        }
        if (COUPLE.matcher(text).find()) {
            return 2;
        }
        for (Pattern pattern : new Pattern[] {NUMBER_OF_PEOPLE, GROUP_OF}) {
            Matcher size = pattern.matcher(text);
            if (size.find()) {
                return Integer.parseInt(size.group(1));
            }
        }
        Matcher alone = NUMBER_ALONE.matcher(text.strip());
        return alone.matches() ? Integer.valueOf(alone.group(1)) : null;
    }

    private static String useCase(String text) {
        for (String use : USE_ORDER) {
            if (USES.get(use).matcher(text).find()) {
                return use;
            }
        }
        return null;
    }
}
