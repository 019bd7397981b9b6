package io.throughline.answer;

import java.util.regex.Pattern;

/**
 * Recognises text that tries to instruct the bot ("ignore previous instructions ..."), in a customer's message or in a
 * source. It is removed before searching, before quoting and before a chat model sees a question or a passage, so it can
 * neither steer the model nor be quoted back to a customer.
 */
final class InstructionGuard {

    private static final Pattern INSTRUCTION = Pattern.compile(
            "(ignore|disregard|forget|override)\\b.{0,40}\\b(instructions?|prompts?|rules|guidelines)"
                    + "|\\b(you are now|from now on you|act as|pretend to be|system prompt|jailbreak|developer mode)\\b"
                    // "reveal your prompt", not a manual's "print the descaling instructions"
                    + "|\\b(reveal|print|repeat|show)\\b.{0,30}\\b(your|hidden|system|initial|original)\\s+(prompt|instructions)"
                    + "|\\b(reveal|print|repeat|show)\\b.{0,30}\\binstructions you\\b"
                    + "|\\bnew instructions\\b|^\\s*(system|assistant)\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private InstructionGuard() {
    }

    static boolean isInstruction(String sentence) {
        return INSTRUCTION.matcher(sentence).find();
    }

    /** The text without its sentences that instruct the bot. */
    static String withoutInstructions(String text) {
        StringBuilder kept = new StringBuilder();
        for (String sentence : Sentences.split(text)) {
            if (!isInstruction(sentence)) {
                kept.append(kept.length() == 0 ? "" : " ").append(sentence);
            }
        }
        return kept.toString();
    }
}
