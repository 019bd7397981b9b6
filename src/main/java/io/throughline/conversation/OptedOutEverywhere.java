package io.throughline.conversation;

/** The customer opted out on every channel they can be reached on: nothing the business starts may go to them. */
public class OptedOutEverywhere extends IllegalStateException {

    public OptedOutEverywhere(String message) {
        super(message);
    }
}
