package io.throughline.language;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written in words ("drei", "vingt-trois", "treinta y dos", "drieëntwintig") and ordinals ("de tweede", "la
 * segunda", "1er"), in every language the bot serves.
 */
public final class NumberWords {

    /** Where a number stands in a text, and its value. */
    public record Found(int start, int end, long value) {
    }

    private record Word(int value, Set<Language> languages) {
    }

    /** Written in lower case as each language spells it, and folded ("funf"), and German without umlauts ("fuenf"). */
    private static final Map<String, Word> CARDINALS = new HashMap<>();
    /**
     * Words that are numbers in one language and ordinary words in another ("onze": French 11, Dutch "our"; "once":
     * Spanish 11, English "once"; "ten" and Dutch "ten slotte"; "sept" and English "Sept."; "dos" and French "le dos"):
     * not read in a text of that other language.
     */
    private static final Map<String, Language> ALSO_ORDINARY = Map.ofEntries(Map.entry("ten", Language.NL),
            Map.entry("tien", Language.FR), Map.entry("onze", Language.NL), Map.entry("once", Language.EN),
            Map.entry("elf", Language.EN), Map.entry("sept", Language.EN), Map.entry("seize", Language.EN),
            Map.entry("cent", Language.EN), Map.entry("cents", Language.EN), Map.entry("dos", Language.FR),
            Map.entry("tres", Language.FR), Map.entry("mil", Language.EN));
    /** French "neuf" is also "new": a number only when a counted word follows ("neuf jours", not "un appareil neuf"). */
    private static final Set<String> ALSO_ADJECTIVE = Set.of("neuf");
    private static final Set<String> CONNECTORS = Set.of("and", "et", "y", "und");
    private static final Pattern TOKEN = Pattern.compile("\\p{L}+");
    /** What may stand between the words of one number: "vingt-trois", "twenty three", "vingt-et-un". */
    private static final String JOINED = "[\\s-]+";

    /** Ordinals as folded words or digits with their ending, 1-based. */
    private static final Map<String, Integer> ORDINALS = new HashMap<>();
    private static final Set<String> LAST = Set.of("last", "laatste", "letzte", "letzter", "letzten", "letztes", "dernier",
            "derniere", "ultimo", "ultima");

    static {
        cardinals(Language.EN, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
                + " sixteen seventeen eighteen nineteen", "twenty thirty forty fifty sixty seventy eighty ninety",
                "hundred", "thousand");
        cardinals(Language.NL, "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien"
                + " zestien zeventien achttien negentien", "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
                "honderd", "duizend");
        cardinals(Language.DE, "ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn"
                + " sechzehn siebzehn achtzehn neunzehn", "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
                "hundert", "tausend");
        cardinals(Language.FR, "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize",
                // Belgian and Swiss French count on in tens where France says "soixante-dix", "quatre-vingt-dix"
                "vingt trente quarante cinquante soixante septante huitante nonante", "cent", "mille");
        cardinals(Language.ES, "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince"
                + " dieciséis diecisiete dieciocho diecinueve", "veinte treinta cuarenta cincuenta sesenta setenta ochenta"
                + " noventa", "cien", "mil");
        words(Language.NL, 1, "één");
        words(Language.DE, 1, "eins", "eine");
        words(Language.DE, 2, "zwo");
        words(Language.FR, 1, "une");
        words(Language.FR, 20, "vingts");
        words(Language.FR, 80, "octante");
        words(Language.FR, 100, "cents");
        words(Language.ES, 1, "una", "un");
        words(Language.ES, 100, "ciento");
        String[] veinti = {"veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis",
                "veintisiete", "veintiocho", "veintinueve"};
        for (int i = 0; i < veinti.length; i++) {
            words(Language.ES, 21 + i, veinti[i]);
        }
        String[] cientos = {"doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos",
                "ochocientos", "novecientos"};
        for (int i = 0; i < cientos.length; i++) {
            words(Language.ES, 200 + 100 * i, cientos[i], cientos[i].replaceFirst("os$", "as"));
        }
        // Dutch and German write 21 to 99, and whole hundreds and thousands, as one word: "drieëntwintig", "zweihundert"
        String[] nl = "een twee drie vier vijf zes zeven acht negen".split(" ");
        String[] nlTens = "twintig dertig veertig vijftig zestig zeventig tachtig negentig".split(" ");
        String[] de = "ein zwei drei vier fünf sechs sieben acht neun".split(" ");
        String[] deTens = "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split(" ");
        for (int unit = 1; unit <= 9; unit++) {
            for (int tens = 2; tens <= 9; tens++) {
                String nlUnit = nl[unit - 1];
                words(Language.NL, tens * 10 + unit, nlUnit + (nlUnit.endsWith("e") ? "ën" : "en") + nlTens[tens - 2]);
                words(Language.DE, tens * 10 + unit, de[unit - 1] + "und" + deTens[tens - 2]);
            }
            words(Language.NL, unit * 100, nl[unit - 1] + "honderd");
            words(Language.NL, unit * 1000, nl[unit - 1] + "duizend");
            words(Language.DE, unit * 100, de[unit - 1] + "hundert");
            words(Language.DE, unit * 1000, de[unit - 1] + "tausend");
        }

        ordinals(1, "first 1st eerste 1e 1ste erste erster ersten erstes premier premiere 1er 1re 1ere primero primera"
                + " primer 1º 1ª 1°");
        ordinals(2, "second 2nd tweede 2e 2de zweite zweiter zweiten zweites deuxieme seconde 2eme segundo segunda"
                + " 2º 2ª 2°");
        ordinals(3, "third 3rd derde 3e 3de dritte dritter dritten drittes troisieme 3eme tercero tercera tercer 3º 3ª 3°");
        ordinals(4, "fourth 4th vierde 4e 4de vierte vierter vierten viertes quatrieme 4eme cuarto cuarta 4º 4ª 4°");
        ordinals(5, "fifth 5th vijfde 5e 5de funfte funfter funften funftes fuenfte fuenfter fuenften fuenftes cinquieme"
                + " 5eme quinto quinta 5º 5ª 5°");
    }

    private NumberWords() {
    }

    private static void cardinals(Language language, String units, String tens, String hundred, String thousand) {
        String[] unitWords = units.split(" ");
        for (int i = 0; i < unitWords.length; i++) {
            words(language, i + 1, unitWords[i]);
        }
        String[] tensWords = tens.split(" ");
        for (int i = 0; i < tensWords.length && i < 8; i++) {
            words(language, 20 + 10 * i, tensWords[i]);
        }
        words(language, 100, hundred);
        words(language, 1000, thousand);
    }

    private static void words(Language language, int value, String... written) {
        for (String word : written) {
            for (String spelling : Set.copyOf(List.of(word, Text.fold(word), withoutUmlauts(word),
                    Text.fold(word).replace("ß", "ss")))) {
                Word known = CARDINALS.get(spelling);
                if (known != null && known.value() != value) {
                    throw new IllegalStateException(spelling + " is both " + known.value() + " and " + value);
                }
                Set<Language> languages = EnumSet.of(language);
                if (known != null) {
                    languages.addAll(known.languages());
                }
                CARDINALS.put(spelling, new Word(value, languages));
            }
        }
    }

    private static String withoutUmlauts(String word) {
        return word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    }

    private static void ordinals(int position, String written) {
        for (String word : written.split(" ")) {
            ORDINALS.put(word, position);
        }
    }

    /** The value of a number word in any language, "one" and its kind included ("twee", "dos", "une"); else -1. */
    public static int cardinal(String word) {
        Word known = CARDINALS.get(word.toLowerCase(Locale.ROOT));
        return known == null ? -1 : known.value();
    }

    /** A regular expression for the folded number words from {@code min} to {@code max} in every language. */
    public static String cardinalsBetween(int min, int max) {
        return Text.anyOf(CARDINALS.entrySet().stream()
                .filter(entry -> entry.getValue().value() >= min && entry.getValue().value() <= max
                        && entry.getKey().equals(Text.fold(entry.getKey())))
                .map(Map.Entry::getKey).toList());
    }

    /** The position an ordinal names, 1-based ("tweede", "2e", "la segunda", "2nd"), as folded; 0 when it names none. */
    public static int ordinal(String folded) {
        return ORDINALS.getOrDefault(folded, 0);
    }

    /** "last", "laatste", "letzte", "dernière", "última", folded. */
    public static boolean isLast(String folded) {
        return LAST.contains(folded);
    }

    /** A regular expression for every folded ordinal and word for "last", longest first. */
    public static String ordinalWords() {
        List<String> words = new ArrayList<>(ORDINALS.keySet());
        words.addAll(LAST);
        return Text.anyOf(words);
    }

    /**
     * The numbers written in words in a text, each run of words read as one number ("quatre-vingt-dix" is 90, "twenty
     * three" 23, "dos mil doscientos" 2200); words for 1 count only inside a run ("vingt et un"), like English "one" they
     * are mostly "a". Words that are also ordinary words in another language do not count in a text of that language.
     *
     * @param text as written (accents matter: Spanish "tres" is 3, French "très" is not)
     * @param languages the text's languages, as {@link Language#guess} tells them
     */
    public static List<Found> find(String text, Set<Language> languages) {
        List<int[]> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            tokens.add(new int[] {token.start(), token.end()});
        }
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Word first = word(text, tokens.get(i), languages);
            if (first == null || first.value() == 1 || !readAlone(text, tokens, i)) {
                continue;
            }
            Run run = new Run(first.value());
            int last = i;
            Set<Language> runLanguages = EnumSet.copyOf(languages.isEmpty() ? first.languages() : languages);
            runLanguages.addAll(first.languages());
            for (int next = i + 1; next < tokens.size(); next++) {
                int candidate = next;
                if (!between(text, tokens.get(last), tokens.get(next)).matches(JOINED)) {
                    break;
                }
                if (CONNECTORS.contains(lower(text, tokens.get(next))) && next + 1 < tokens.size()) {
                    candidate = next + 1;
                    if (!between(text, tokens.get(next), tokens.get(candidate)).matches(JOINED)) {
                        break;
                    }
                }
                Word following = word(text, tokens.get(candidate), runLanguages);
                if (following == null || !run.add(following.value())) {
                    break;
                }
                runLanguages.addAll(following.languages());
                last = candidate;
                next = candidate;
            }
            found.add(new Found(tokens.get(i)[0], tokens.get(last)[1], run.value()));
            i = last;
        }
        return found;
    }

    private static Word word(String text, int[] token, Set<Language> languages) {
        String lower = lower(text, token);
        Word known = CARDINALS.get(lower);
        if (known == null) {
            return null;
        }
        Language ordinaryIn = ALSO_ORDINARY.get(lower);
        boolean ordinaryHere = ordinaryIn != null && languages.contains(ordinaryIn)
                && known.languages().stream().noneMatch(languages::contains);
        return ordinaryHere ? null : known;
    }

    /** "neuf" starts a number only before a counted word, and not in "à neuf", "tout neuf". */
    private static boolean readAlone(String text, List<int[]> tokens, int i) {
        if (!ALSO_ADJECTIVE.contains(lower(text, tokens.get(i)))) {
            return true;
        }
        boolean counts = i + 1 < tokens.size() && between(text, tokens.get(i), tokens.get(i + 1)).matches("\\s+")
                && !Language.isFunctionWord(Text.fold(lower(text, tokens.get(i + 1))));
        boolean idiom = i > 0 && Set.of("à", "a", "tout").contains(lower(text, tokens.get(i - 1)));
        return counts && !idiom;
    }

    private static String lower(String text, int[] token) {
        return text.substring(token[0], token[1]).toLowerCase(Locale.ROOT);
    }

    private static String between(String text, int[] before, int[] after) {
        return text.substring(before[1], after[0]);
    }

    /** A number being read word by word: thousands, then what is below a thousand. */
    private static final class Run {

        private long thousands;
        private long rest;

        Run(int first) {
            if (first == 1000) {
                thousands = 1000;
            } else {
                rest = first;
            }
        }

        long value() {
            return thousands + rest;
        }

        /** Whether the next word continues this number ("vingt" then "trois"), else it starts another ("two", "three"). */
        boolean add(int next) {
            long tens = rest % 100;
            boolean started = rest > 0 || thousands > 0;
            if (next == 1000) {
                if (thousands > 0) {
                    return false;
                }
                thousands = Math.max(rest, 1) * 1000;
                rest = 0;
            } else if (next == 100) {
                if (rest >= 10) {
                    return false;
                }
                rest = Math.max(rest, 1) * 100;
            } else if (next > 100) {
                if (rest > 0) {
                    return false;
                }
                rest = next;
            } else if (next == 20 && tens == 4) {
                rest += 76; // "quatre-vingt": four twenties
            } else if (next >= 20) {
                if (tens != 0) {
                    return false;
                }
                rest += next;
            } else if (next >= 10) {
                if (!(tens == 60 || tens == 80 || tens == 0 && started)) {
                    return false;
                }
                rest += next;
            } else if (tens >= 20 && tens % 10 == 0 || tens == 10 && next >= 7 || tens == 0 && started) {
                rest += next;
            } else {
                return false;
            }
            return true;
        }
    }
}
