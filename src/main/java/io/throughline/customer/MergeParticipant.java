package io.throughline.customer;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A module that keeps things per customer (conversations, say) and moves them when two customers merge. The customer
 * module knows no other module: they implement this, and a merge calls each inside its own transaction.
 */
public interface MergeParticipant {

    /** The move kinds this participant reports, so that undo hands each participant back its own moves. */
    Set<String> kinds();

    /** Moves what the participant keeps for {@code absorbed} to {@code survivor}; returns every move, in order. */
    List<MergeMove> merge(UUID survivor, UUID absorbed);

    /** Moves back exactly what {@link #merge} reported, given in the order it was reported. */
    void undo(UUID survivor, UUID absorbed, List<MergeMove> moves);
}
