package io.throughline.answer;

import java.util.regex.Pattern;

/**
 * The question without what surrounds it in a chat: "Hi, I'm Sam. How long does shipping take? Thanks!" asks only
 * "How long does shipping take?". Greetings, introductions ("I'm Sam", "my name is", "ik ben", "je m'appelle"...) and
 * thanks at the start or the end, in every shipped language, do not change what is asked; left in, a greeting pulls the
 * question towards the onboarding welcome and a name towards whatever page mentions a person. What is left is never
 * empty: a message that is only a greeting stays as it is.
 */
public final class QuestionFocus {

    private static final String GREETING = "(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening)|greetings|dear (team|sir|madam)"
            + "|hallo|hoi|goedemorgen|goedemiddag|goedenavond|beste|guten (morgen|tag|abend)|servus|moin|grüß gott"
            + "|bonjour|bonsoir|salut|coucou|hola|buenos días|buenas tardes|buenas noches|buenas)";
    private static final String NAME = "[\\p{L}][\\p{L}'-]*( [\\p{Lu}][\\p{L}'-]*)?";
    private static final String INTRODUCTION = "(i'?m|i am|my name is|name'?s|ik ben|mijn naam is|ich bin"
            + "|mein name ist|hier ist|je suis|je m'appelle|moi c'est|ici|soy|me llamo|mi nombre es|aquí)\\s+" + NAME
            + "(\\s+(here|hier|ici|aquí))?"
            // only a name that ends a sentence or a clause is an introduction: "I'm locked out of..." is the question
            + "(?=\\s*[.,!;:])";
    private static final String SMALL_TALK = "(hope you'?re (well|doing well|having a (good|great|nice) day)|how are you( doing)?"
            + "|quick question|i have a question|question|vraagje|ik heb een vraag|kurze frage|ich habe eine frage"
            + "|petite question|j'ai une question|una pregunta|tengo una pregunta)";
    private static final String THANKS = "(thanks( a lot| so much| in advance)?|thank you( very much| so much| in advance)?|cheers"
            + "|many thanks|alvast bedankt|bedankt|dank je( wel)?|dank u( wel)?|danke( schön| sehr| im voraus)?"
            + "|vielen dank|merci( beaucoup| d'avance)?|gracias( de antemano)?|muchas gracias)";
    private static final String SEPARATOR = "[\\s,.!;:–—-]*";

    private static final Pattern LEADING = Pattern.compile(
            "^\\s*(" + GREETING + "( there| all| team| everyone)?(?=[\\s,.!;:]|$)" + "|" + INTRODUCTION + "|" + SMALL_TALK
                    + "(?=[\\s,.!;:?]|$))" + SEPARATOR,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TRAILING = Pattern.compile(
            "[\\s,.!;:–—-]*\\b(" + THANKS + ")[\\s,.!🙂😊🙏]*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private QuestionFocus() {
    }

    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String text = message.strip();
        String previous;
        do {
            previous = text;
            text = LEADING.matcher(text).replaceFirst("");
        } while (!text.equals(previous) && !text.isEmpty());
        text = TRAILING.matcher(text).replaceFirst("").strip();
        return text.isEmpty() ? message.strip() : text;
    }
}
