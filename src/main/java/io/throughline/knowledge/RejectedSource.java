package io.throughline.knowledge;

/** A knowledge file that cannot be ingested, with the reason in words an author can act on. */
final class RejectedSource extends Exception {

    RejectedSource(String reason) {
        super(reason);
    }

    RejectedSource(String reason, Throwable cause) {
        super(reason, cause);
    }
}
