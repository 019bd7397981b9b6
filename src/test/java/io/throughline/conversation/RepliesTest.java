package io.throughline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepliesTest {

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {"yes|YES", "Yes please|YES", "yep|YES", "that worked!|YES", "It works now|YES",
            "sure|YES", "👍|YES", "ok|YES", "no|NO", "No, still broken|NO", "nope|NO", "didn't work|NO",
            "still leaking|NO", "no thanks|NO", "👎|NO", "yes, but how do I descale?|OTHER", "Where is my order|OTHER",
            "|OTHER", "maybe|OTHER", "nothing happens|OTHER"})
    void meaning(String text, Replies.Meaning meaning) {
        assertThat(Replies.meaning(text)).isEqualTo(meaning);
    }

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {"it doesn't work|NO", "That didn’t work|NO", "not working|NO",
            "no problem|YES", "no worries|YES", "no idea|OTHER", "not sure|OTHER", "I don't know|OTHER"})
    void englishNowAlsoReadsNegatedSentences(String text, Replies.Meaning meaning) {
        assertThat(Replies.meaning(text)).isEqualTo(meaning);
    }

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {"ja|YES", "Ja graag|YES", "klopt|YES", "Ja hoor, het werkt weer!|YES",
            "het is gelukt|YES", "Opgelost, bedankt|YES", "prima|YES", "oké|YES", "geen probleem|YES",
            "nee|NO", "Nee, werkt nog steeds niet|NO", "werkt nog steeds niet|NO", "het werkt helaas niet|NO",
            "klopt niet|NO", "nee bedankt|NO", "nog steeds kapot|NO", "helaas niet|NO", "ja nee, nog steeds hetzelfde|NO",
            "geen idee|OTHER", "weet ik niet|OTHER", "misschien|OTHER", "Ja, maar hoe ontkalk ik?|OTHER",
            "Waar is mijn bestelling|OTHER"})
    void dutch(String text, Replies.Meaning meaning) {
        assertThat(Replies.meaning(text)).isEqualTo(meaning);
    }

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {"ja|YES", "Ja bitte|YES", "genau|YES", "hat geklappt|YES",
            "Es funktioniert wieder, danke!|YES", "Problem gelöst|YES", "passt|YES", "alles klar|YES", "doch|YES",
            "nein|NO", "Nein danke|NO", "funktioniert nicht|NO", "Es funktioniert immer noch nicht|NO",
            "hat leider nicht geklappt|NO", "immer noch kaputt|NO", "nö|NO", "passt nicht|NO", "bitte nicht|NO",
            "keine Ahnung|OTHER", "weiß nicht|OTHER", "vielleicht|OTHER", "jein|OTHER", "Ja, aber wie entkalke ich?|OTHER",
            "Wo ist meine Bestellung|OTHER"})
    void german(String text, Replies.Meaning meaning) {
        assertThat(Replies.meaning(text)).isEqualTo(meaning);
    }

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {"oui|YES", "Oui merci|YES", "ça marche|YES", "ca marche !|YES", "Ça MARCHE|YES",
            "d'accord|YES", "c’est bon, c'est réglé|YES", "ça a fonctionné|YES", "si|YES", "pas de souci|YES",
            "non|NO", "non merci|NO", "ça ne marche pas|NO", "ça marche pas|NO", "ça ne marche toujours pas|NO",
            "ça n'a pas marché|NO", "toujours en panne|NO", "pas vraiment|NO", "malheureusement non|NO",
            "je ne sais pas|OTHER", "peut-être|OTHER", "si je redémarre, ça repart|OTHER", "Oui, mais comment ?|OTHER",
            "Où est ma commande|OTHER"})
    void french(String text, Replies.Meaning meaning) {
        assertThat(Replies.meaning(text)).isEqualTo(meaning);
    }

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {"sí|YES", "Sí, gracias|YES", "si|YES", "si, por favor|YES", "SÍ|YES", "vale|YES",
            "claro|YES", "ya funciona|YES", "funcionó, gracias|YES", "de acuerdo|YES", "no hay problema|YES",
            "no|NO", "No funciona|NO", "no, gracias|NO", "sigue sin funcionar|NO", "todavía no|NO", "aún no funciona|NO",
            "no se ha arreglado|NO", "funciona mal|NO", "no sé|OTHER", "no lo sé|OTHER", "ni idea|OTHER", "quizás|OTHER",
            "si lo reinicio, funciona|OTHER", "¿Sí, pero cómo lo hago?|OTHER", "¿Dónde está mi pedido|OTHER"})
    void spanish(String text, Replies.Meaning meaning) {
        assertThat(Replies.meaning(text)).isEqualTo(meaning);
    }

    @ParameterizedTest(name = "\"{0}\" means {1}")
    @CsvSource(delimiter = '|', value = {"thanks, but it doesn't work|NO", "ja, maar het werkt niet|NO",
            "Danke, aber es klappt immer noch nicht|NO", "Merci, mais ça ne marche toujours pas|NO",
            "Gracias, pero no funciona|NO", "Ja, het werkt nu|YES", "si si|YES"})
    void sayingItDoesNotWorkAnywhereIsNo(String text, Replies.Meaning meaning) {
        assertThat(Replies.meaning(text)).isEqualTo(meaning);
    }
}
