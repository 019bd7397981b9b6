package io.throughline.customer;

/**
 * One thing a merge moved, as undo needs it: what kind of thing, which one, and what it needs to put it back.
 *
 * @param kind   identity, attribute, conversation, message... unique to the module that moves such things
 * @param item   which one: an identity as type:value, an attribute name, a conversation or message id
 * @param detail what undo needs besides: the conversation a message came from, an attribute's copied value; or null
 */
public record MergeMove(String kind, String item, String detail) {}
