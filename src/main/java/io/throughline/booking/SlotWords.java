package io.throughline.booking;

import io.throughline.language.Language;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How customers pick one of the offered slots, or ask for others, per language, in folded text (lower case, no accents):
 * each entry is a regular expression. Numbers, ordinals, weekdays, months and times are in {@code io.throughline.language}.
 */
final class SlotWords {

    /** Before the number: "I'll take", "ik neem", "ich nehme", "je prends", "me quedo con". */
    static final Map<Language, List<String>> TAKE = Map.of(
            Language.EN, List.of("i'?ll take", "i take", "i'?d like", "i want", "give me"),
            Language.NL, List.of("ik neem", "ik wil", "ik kies", "doe maar", "geef me maar"),
            Language.DE, List.of("ich nehme", "ich hatte gerne?", "ich mochte"),
            Language.FR, List.of("je prends", "je voudrais", "je choisis", "je veux"),
            Language.ES, List.of("me quedo con", "quiero", "prefiero", "elijo", "dame"));
    /** "the": "de 2", "die 2.", "la dos". */
    static final Map<Language, List<String>> THE = Map.of(
            Language.EN, List.of("the"),
            Language.NL, List.of("de", "het"),
            Language.DE, List.of("die", "der", "das", "den"),
            Language.FR, List.of("le", "la", "l'"),
            Language.ES, List.of("el", "la", "lo"));
    /** "option 2", "nummer 2", "Termin 2", "numéro 2", "opción 2". */
    static final Map<Language, List<String>> OPTION = Map.of(
            Language.EN, List.of("option", "number", "no\\.?", "nr\\.?", "slot", "#"),
            Language.NL, List.of("optie", "nummer", "nr\\.?", "keuze"),
            Language.DE, List.of("option", "nummer", "nr\\.?", "termin", "moglichkeit"),
            Language.FR, List.of("option", "numero", "n[°º]", "no\\.?", "creneau", "choix"),
            Language.ES, List.of("opcion", "numero", "n[°º]", "num\\.?", "hueco", "turno"));
    /** After the number: "2 please", "twee graag", "zwei bitte", "deux svp", "dos por favor". */
    static final Map<Language, List<String>> POLITELY = Map.of(
            Language.EN, List.of("please", "pls", "thanks", "thank you", "works", "is fine", "sounds good"),
            Language.NL, List.of("graag", "alsjeblieft", "alstublieft", "aub", "is goed", "prima", "dank je", "bedankt"),
            Language.DE, List.of("bitte", "danke", "passt", "ist gut", "gerne"),
            Language.FR, List.of("s'il vous plait", "s'il te plait", "svp", "merci", "ca marche", "ca me va", "c'est bon",
                    "parfait"),
            Language.ES, List.of("por favor", "gracias", "vale", "me va bien", "esta bien", "perfecto"));
    /** Other times: "andere tijden", "andere Zeiten", "autres horaires", "otras horas", "later", "none of these". */
    static final Map<Language, List<String>> MORE = Map.of(
            Language.EN, List.of("other times?", "another (?:time|day|slot)", "later", "earlier", "different (?:time|day)",
                    "none of (?:these|them|those)", "next week", "more (?:times|slots|options)", "something else"),
            Language.NL, List.of("andere (?:tijd|tijden|tijdstip|tijdstippen|dag|dagen|momenten|opties)",
                    "ander (?:tijdstip|moment)", "eerder", "volgende week", "geen van (?:deze|die|beide|allen|allemaal)",
                    "geen enkele", "meer (?:tijden|opties|momenten)", "iets anders",
                    "past (?:me |mij )?(?:helaas )?(?:allemaal )?niet", "komt (?:me |mij )?(?:helaas )?niet uit"),
            Language.DE, List.of("andere (?:zeit|zeiten|termine|uhrzeit|uhrzeiten|tage|optionen)",
                    "(?:einen )?anderen (?:termin|tag)", "spa(?:e)?ter", "fru(?:e)?her", "na(?:e)?chste woche",
                    "keine?r? (?:davon|der termine|passt)", "nichts davon", "mehr (?:termine|zeiten|optionen)",
                    "etwas anderes", "passt (?:mir )?(?:leider )?(?:alles )?nicht"),
            Language.FR, List.of("(?:d')?autres? (?:horaires?|creneaux|heures?|dates?|moments|jours?|disponibilites|options)",
                    "un autre (?:jour|creneau|horaire|moment)", "une autre (?:heure|date)", "plus tard", "plus tot",
                    "la semaine prochaine", "aucune? (?:de ces|ne (?:me )?(?:convient|va))", "rien ne (?:me )?convient",
                    "autre chose", "ne me convien(?:nen)?t pas", "plus de (?:creneaux|choix|horaires)"),
            Language.ES, List.of("otr[oa]s? (?:horas?|horarios?|dias?|fechas?|opcion|opciones|momentos?|huecos?)",
                    "mas tarde", "mas temprano", "la semana que viene", "la proxima semana", "la semana proxima",
                    "ningun[oa]? (?:de (?:estas|estos|ellas|ellos)|me (?:va|viene|sirve))", "otra cosa", "algo distinto",
                    "mas (?:horas|opciones|horarios|huecos)", "no me (?:va|viene|sirve)"));

    private SlotWords() {
    }

    /** The phrases of every language as one alternation. */
    static String anyOf(Map<Language, List<String>> phrases) {
        return phrases.values().stream().flatMap(List::stream).distinct().collect(Collectors.joining("|"));
    }
}
