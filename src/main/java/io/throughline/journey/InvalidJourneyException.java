package io.throughline.journey;

/** A journey, form or process file the engine cannot deploy; the message names each file and line. */
public class InvalidJourneyException extends RuntimeException {

    InvalidJourneyException(String problems, Throwable cause) {
        super("journeys in processes/ or forms/ cannot be deployed:\n" + problems, cause);
    }
}
