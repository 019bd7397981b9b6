package io.throughline.language;

import java.util.List;
import java.util.Map;

/**
 * How customers say yes and no, per language, in folded text (lower case, no accents, see {@link Text#fold}): each entry is
 * a regular expression for the words a reply opens with.
 */
public final class ReplyWords {

    /** Yes, agreement, thanks, and that it works now. */
    public static final Map<Language, List<String>> YES = Map.of(
            Language.EN, List.of("yes+", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "absolutely", "definitely",
                    "of course", "correct", "great", "perfect", "thanks", "thank you", "that worked", "it worked",
                    "it works", "works now", "fixed", "solved", "sounds good", "let'?s do it", "why not", "no problem",
                    "no worries", "👍"),
            Language.NL, List.of("ja+", "jawel", "jazeker", "jep", "jup", "zeker", "natuurlijk", "tuurlijk", "uiteraard",
                    "graag", "prima", "goed", "oke", "oki", "klopt", "dat klopt", "juist", "precies", "top", "super", "mooi",
                    "fijn", "perfect", "dank je", "dank u", "dankjewel", "dankuwel", "bedankt", "het werkt", "werkt",
                    "het is gelukt", "gelukt", "het lukt", "opgelost", "dat hielp", "dat heeft geholpen", "doe maar",
                    "is goed", "lijkt me goed", "klinkt goed", "waarom niet", "akkoord", "in orde", "geen probleem"),
            Language.DE, List.of("ja", "jawohl", "jap", "jo", "jupp", "genau", "klar", "sicher", "naturlich",
                    "selbstverstandlich", "gerne?", "bitte", "danke", "vielen dank", "super", "prima", "perfekt", "toll",
                    "passt", "stimmt", "richtig", "korrekt", "einverstanden", "alles klar", "in ordnung",
                    "(?:es |das )?hat (?:jetzt |nun )?(?:geklappt|funktioniert|geholfen)", "(?:es |jetzt )?klappt",
                    "(?:es |jetzt )?funktioniert", "(?:es |jetzt )?geht(?:'s| es)? wieder",
                    "(?:es )?(?:lauft|laeuft) wieder",
                    "(?:problem )?(?:gelost|geloest|behoben)", "doch", "kein problem", "warum nicht", "machen wir"),
            Language.FR, List.of("oui", "ouais", "ouaip", "d'accord", "d'acc", "dac", "bien sur", "volontiers", "parfait",
                    "super", "genial", "top", "excellent", "exactement", "exact", "c'est ca", "tout a fait", "absolument",
                    "tres bien", "bien", "merci", "ca marche", "ca fonctionne", "ca va", "ca a (?:marche|fonctionne)",
                    "c'est bon", "ca y est", "(?:c'est )?(?:resolu|regle|repare)", "avec plaisir", "pourquoi pas", "entendu",
                    "impeccable", "nickel", "pas de (?:probleme|souci|soucis)", "aucun (?:probleme|souci)",
                    "sans (?:probleme|souci)", "je veux bien", "allons-y"),
            Language.ES, List.of("claro", "por supuesto", "vale", "va", "dale", "venga", "de acuerdo", "perfecto", "genial",
                    "estupendo", "excelente", "correcto", "exacto", "eso es", "gracias", "muchas gracias",
                    "(?:ya |ahora )?funciona", "ha funcionado", "funciono", "(?:ya )?se (?:ha )?arreglado", "se arreglo",
                    "ya esta", "listo", "solucionado", "resuelto", "arreglado", "por favor", "con gusto", "me parece bien",
                    "muy bien", "sin problema", "no hay problema",
                    // "si" without its accent is also "if", and French "si" answers a negative question: yes only alone
                    // or before a word of agreement ("si, gracias"); "sí" with its accent is read before folding
                    "si(?=\\s*(?:$|[,.!;:)]|(?:si|por favor|gracias|claro|funciona|vale|perfecto|ya|merci|ca marche|"
                            + "c'est bon|d'accord)))"));

    /**
     * What only the accent tells apart, matched in the reply in lower case with its accents: "sí" is yes wherever it
     * stands ("sí, pero..."), "no sé" is "I don't know" (unlike "no se ha arreglado").
     */
    public static final List<String> ACCENTED_YES = List.of("sí");
    public static final List<String> ACCENTED_UNSURE = List.of("no (?:lo )?sé");

    /** No, and that it still does not work: "nope", "werkt nog steeds niet", "hat nicht geklappt", "ça marche pas". */
    public static final Map<Language, List<String>> NO = Map.of(
            Language.EN, List.of("no", "nope", "nah", "not really", "not yet", "negative", "didn'?t work", "did not work",
                    "doesn'?t work", "does not work", "still", "it'?s still", "not fixed", "no luck", "no thanks",
                    "no, thanks", "not now", "not working", "👎",
                    "(?:it|that|this)(?:'s| is)? (?:still )?(?:doesn'?t|does not|didn'?t|did not|isn'?t|is not|won'?t|"
                            + "wasn'?t|was not|not) (?:\\S+ )?(?:work|working|fixed|solved|help)"),
            Language.NL, List.of("nee+", "neen", "nope", "ja,? ?nee", "helaas", "niet echt", "nog niet", "nog steeds",
                    "nog altijd", "(?:het )?(?:is )?niet gelukt", "geen succes", "nee bedankt", "nee dank je", "nu niet",
                    "liever niet",
                    "(?:het |dat |dit )?(?:werkt|lukt|helpt|klopt|deed het|doet het)(?:\\s+\\S+){0,3}?\\s+niet",
                    "(?:het |hij )?(?:is )?(?:nog )?(?:steeds )?(?:kapot|stuk)", "niet (?:goed|opgelost|gelukt|helemaal)"),
            Language.DE, List.of("nein", "nee", "no", "noe", "leider", "nicht wirklich", "noch nicht", "immer noch",
                    "noch immer", "weiterhin", "nein danke", "jetzt nicht", "lieber nicht", "bitte nicht", "sicher nicht",
                    "(?:es |das )?(?:funktioniert|klappt|geht|hilft|passt|stimmt|lauft|laeuft|tut(?:'s| es)?)"
                            + "(?:\\s+\\S+){0,3}?\\s+(?:nicht|nich|net)",
                    "(?:es |das )?hat(?:\\s+\\S+){0,3}?\\s+nicht\\s+(?:geklappt|funktioniert|geholfen)",
                    "(?:ist )?(?:immer noch |noch immer )?kaputt", "nicht (?:behoben|gelost|geloest|gut|ganz)"),
            Language.FR, List.of("non", "nan", "pas vraiment", "pas encore", "pas du tout", "(?:c'est )?toujours", "helas",
                    "malheureusement", "non merci", "pas maintenant", "pas (?:resolu|regle)", "(?:toujours )?en panne",
                    "(?:(?:ca|cela|il|elle) )?(?:ne |n')?(?:marche|fonctionne|va)(?:\\s+\\S+){0,2}?\\s+pas",
                    "(?:(?:ca|cela|il|elle) ?)?n'a(?:\\s+\\S+){0,2}?\\s+(?:marche|fonctionne|aide|change)",
                    "rien (?:ne )?(?:marche|fonctionne|a change)", "pas (?:bon|terrible|top)"),
            Language.ES, List.of("no", "nop", "nope", "nada", "para nada", "todavia", "aun", "sigue", "sigo", "tampoco",
                    "lamentablemente", "desgraciadamente", "no gracias", "ahora no", "(?:ya |ahora )?funciona mal"));

    /**
     * That it does not work, wherever the reply says it: "thanks, but it doesn't work", "ja, maar het werkt niet", "sí,
     * pero no funciona" are no, whatever they open with.
     */
    public static final Map<Language, List<String>> NOT_WORKING = Map.of(
            Language.EN, List.of("(?:doesn'?t|does not|didn'?t|did not|won'?t|still (?:doesn'?t|does not)) work",
                    "not working", "still broken"),
            Language.NL, List.of("werkt(?:\\s+\\S+){0,3}?\\s+niet", "niet gelukt", "lukt(?:\\s+\\S+){0,2}?\\s+niet"),
            Language.DE, List.of("(?:funktioniert|klappt)(?:\\s+\\S+){0,3}?\\s+nicht",
                    "nicht (?:geklappt|funktioniert)"),
            Language.FR, List.of("(?:ne |n')(?:marche|fonctionne)(?:\\s+\\S+){0,2}?\\s+pas",
                    "(?:marche|fonctionne) (?:toujours |plus |)pas", "n'a pas (?:marche|fonctionne)"),
            Language.ES, List.of("no (?:me |te |le )?funciona", "sigue sin funcionar", "no se (?:ha )?arreglado",
                    "no sirve"));

    /** Neither yes nor no: "no idea", "geen idee", "keine Ahnung", "je ne sais pas", "no sé". */
    public static final Map<Language, List<String>> UNSURE = Map.of(
            Language.EN, List.of("no idea", "no clue", "not sure", "i'?m not sure", "i don'?t know", "dunno", "maybe",
                    "perhaps"),
            Language.NL, List.of("geen idee", "geen flauw idee", "(?:ik )?weet (?:ik |het )?niet", "misschien",
                    "niet zeker"),
            Language.DE, List.of("keine ahnung", "(?:ich )?wei(?:ss|ß) (?:es |ich )?nicht", "vielleicht", "nicht sicher",
                    "kann sein", "jein"),
            Language.FR, List.of("(?:je )?(?:ne )?sais pas", "j'sais pas", "chais pas", "aucune idee", "peut-etre",
                    "pas sur"),
            Language.ES, List.of("ni idea", "no lo se", "no se(?=\\s*[.!]*$)", "quizas?", "tal vez", "a lo mejor",
                    "no estoy segur[oa]"));

    /** Declining an offer: "no thanks", "never mind", "laat maar", "vergiss es", "laisse tomber", "olvídalo". */
    public static final Map<Language, List<String>> DECLINE = Map.of(
            Language.EN, List.of("no", "nope", "no thanks", "no, thanks", "never ?mind", "forget it", "not now",
                    "not anymore", "cancel", "stop", "don'?t bother"),
            Language.NL, List.of("nee", "neen", "nee bedankt", "nee dank je", "laat maar", "hoeft niet", "niet nodig",
                    "toch niet", "nu niet", "liever niet", "niet meer", "annuleer", "annuleren", "stop", "vergeet het"),
            Language.DE, List.of("nein", "nee", "noe", "nein danke", "lass mal", "lass es", "lieber nicht", "doch nicht",
                    "jetzt nicht", "nicht mehr", "abbrechen", "stornieren", "stopp?", "vergiss es", "nicht notig",
                    "kein bedarf"),
            Language.FR, List.of("non", "nan", "non merci", "laisse tomber", "laissez tomber", "pas maintenant",
                    "plus maintenant", "annuler", "annulez?", "stop", "oubliez?", "ca ira", "pas besoin", "plus besoin",
                    "pas la peine", "finalement non"),
            Language.ES, List.of("no", "no gracias", "dejalo", "dejelo", "olvidalo", "olvidelo", "ahora no", "ya no",
                    "cancelar?", "cancelalo", "no hace falta", "mejor no", "no importa"));

    private ReplyWords() {
    }
}
