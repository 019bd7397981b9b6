package io.throughline.knowledge;

import java.time.Instant;

/**
 * The confidence curve fitted to one version of the knowledge: the answerer's confidence is
 * {@code 1 / (1 + exp(-(intercept + scoreWeight * topScore + marginWeight * margin)))}, the chance that an answer from the
 * top passage is right. Kept with the knowledge because it is derived from it, like the index.
 *
 * @param fingerprint the content it was fitted on
 * @param method      {@code self} (fitted on questions the content implies), {@code labelled} (those and the business's
 *                    own labelled questions) or {@code prior} (the shipped curve: too little content to fit one)
 * @param probes      how many probe questions the fit saw
 * @param summary     what the fit saw and found, in plain words, for the log and the sources API
 * @param millis      how long the calibration took
 */
public record Calibration(String fingerprint, String method, double intercept, double scoreWeight, double marginWeight,
                          int probes, String summary, long millis, Instant createdAt) {
}
