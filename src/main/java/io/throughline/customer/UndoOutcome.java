package io.throughline.customer;

import java.util.UUID;

/** What asking to undo a merge came to. */
public sealed interface UndoOutcome {

    record Undone(Merge merge) implements UndoOutcome {}

    record NotFound() implements UndoOutcome {}

    record AlreadyUndone(Merge merge) implements UndoOutcome {}

    /** A later merge took in one of the two customers: it has to be undone first, or its moves would be torn apart. */
    record LaterMergeFirst(UUID laterMergeId) implements UndoOutcome {}
}
