package io.throughline.conversation;

/** Whether a message came from the customer or goes to them. */
public enum Direction { IN, OUT }
