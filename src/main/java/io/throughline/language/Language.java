package io.throughline.language;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages the bot serves, each known by its commonest little words, which is enough to tell a sentence's language:
 * whether "onze" is French for 11 or Dutch for "our" depends on it.
 */
public enum Language {
    EN("the and you your is are to of with for this that it be will can have we our on at by from not"),
    NL("het een en van je jij u uw niet wel dat op voor met zijn wordt kunt ook bij naar onze ons geen maar als er om tot"
            + " is"),
    DE("der die das und ist nicht sie ihr ihre mit fur auf ein eine zu den dem bis auch wird werden konnen sind oder wir"
            + " unser unsere im bei"),
    FR("le la les et est vous votre vos des du un une pour avec pas ne sur au aux nous notre il elle ce cette sont qui que"
            + " dans en"),
    ES("el los las y es usted su sus del que por para con no un una se lo esta son nuestro nuestra al hasta como en");

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final Set<String> functionWords;

    Language(String functionWords) {
        this.functionWords = Set.of(functionWords.split(" "));
    }

    /** A little word of any of the languages ("the", "het", "und", "vous", "los"), folded as {@link Text#fold} does. */
    public static boolean isFunctionWord(String folded) {
        for (Language language : values()) {
            if (language.functionWords.contains(folded)) {
                return true;
            }
        }
        return false;
    }

    /** The languages the text is most likely written in: those with the most little words in it; none when it has none. */
    public static Set<Language> guess(String text) {
        Map<Language, Integer> counts = new EnumMap<>(Language.class);
        Matcher word = WORD.matcher(Text.fold(text));
        while (word.find()) {
            for (Language language : values()) {
                if (language.functionWords.contains(word.group())) {
                    counts.merge(language, 1, Integer::sum);
                }
            }
        }
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Set<Language> likely = EnumSet.noneOf(Language.class);
        counts.forEach((language, count) -> {
            if (count == most) {
                likely.add(language);
            }
        });
        return likely;
    }
}
