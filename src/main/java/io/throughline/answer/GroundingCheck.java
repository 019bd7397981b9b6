package io.throughline.answer;

import java.util.List;
import java.util.Optional;

/**
 * The guardrails' number check, open to callers outside this package: the offline evaluation re-checks every answer the
 * answerer gave against the passages it cited, so a guardrail that lets an invented figure through shows up as a count.
 */
public final class GroundingCheck {

    private GroundingCheck() {
    }

    /** The first price, date, time or other number the answer states and none of the source texts does, as written. */
    public static Optional<String> unsupportedNumber(String answer, List<String> sourceTexts) {
        return NumbersGuard.unsupported(PersonalDataGuard.withoutIdentifiers(answer), sourceTexts);
    }
}
