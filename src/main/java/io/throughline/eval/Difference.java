package io.throughline.eval;

/**
 * One way a replayed turn differs from the recorded one.
 *
 * @param turn the turn, counted from 1
 */
record Difference(Kind kind, int turn, String text) {

    enum Kind {
        DECISION, JOURNEY, REPLY;

        String key() {
            return name().toLowerCase();
        }
    }
}
