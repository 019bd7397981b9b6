package io.throughline.answer;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.throughline.knowledge.Passage;

/**
 * Checks every answer before a customer sees it: it must cite a passage, state no number, price or date that its cited
 * passages do not, and name no email address, phone number or order number beyond those in the cited passages and the
 * customer's own message. The reason never repeats a personal identifier, since it is kept with the conversation.
 */
final class Guardrails {

    private Guardrails() {
    }

    /** Why the answer must not be sent, or empty when it may. */
    static Optional<String> blockedBecause(String answer, List<Passage> cited, String customerMessage) {
        if (cited.isEmpty()) {
            return Optional.of("the answer cites none of the passages it was given");
        }
        List<String> sources = cited.stream().map(Passage::text).toList();
        List<String> allowed = Stream.concat(sources.stream(), Stream.ofNullable(customerMessage)).toList();
        Optional<String> foreign = PersonalDataGuard.foreign(answer, allowed)
                .map(identifier -> "the answer contains " + identifier.kind()
                        + " that is neither in its sources nor in the customer's message");
        if (foreign.isPresent()) {
            return foreign;
        }
        return NumbersGuard.unsupported(PersonalDataGuard.withoutIdentifiers(answer), sources)
                .map(number -> "the answer states \"" + number.strip() + "\", which none of its sources does");
    }
}
