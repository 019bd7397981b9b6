package io.throughline.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two customers becoming one, because one proved an identity the other holds, and the way back.
 *
 * <p>The older record survives: it is the one the business's systems, agents and earlier conversations already know,
 * while the newer is most often a web visitor of a few minutes. The absorbed record stays, empty and pointing at the
 * survivor, so that undo has somewhere to put things back. Every move is recorded in order; undo reverses exactly
 * those, newest merge first.
 */
@Service
public class CustomerMerges {

    private static final Logger log = LoggerFactory.getLogger(CustomerMerges.class);
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};
    private static final Set<String> OWN_KINDS = Set.of("identity", "verified", "attribute", "display-name",
            "preferred-channel");

    private final JdbcClient jdbc;
    private final Customers customers;
    private final List<MergeParticipant> participants;
    private final ApplicationEventPublisher publisher;
    private final ObjectMapper json;

    CustomerMerges(JdbcClient jdbc, Customers customers, List<MergeParticipant> participants,
                   ApplicationEventPublisher publisher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.participants = List.copyOf(participants);
        this.publisher = publisher;
        this.json = json;
        participants.forEach(p -> {
            if (!Collections.disjoint(p.kinds(), OWN_KINDS)) {
                throw new IllegalStateException(p + " reports move kinds the customer module uses: " + p.kinds());
            }
        });
    }

    private record Party(UUID id, OffsetDateTime createdAt, String displayName, String preferredChannel,
                         String attributes) {}

    /** Makes one customer of two, the proven identity verified on the survivor. */
    @Transactional
    Merge merge(UUID one, UUID other, Identity proven, Proof proof) {
        lockInOrder(one, other);
        Party a = party(one);
        Party b = party(other);
        boolean aIsOlder = a.createdAt().isBefore(b.createdAt())
                || a.createdAt().isEqual(b.createdAt()) && a.id().compareTo(b.id()) < 0;
        Party survivor = aIsOlder ? a : b;
        Party absorbed = aIsOlder ? b : a;

        UUID mergeId = UUID.randomUUID();
        jdbc.sql("insert into customer_merges (id, survivor_id, absorbed_id, identity_type, identity_value, proof, merged_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(mergeId, survivor.id(), absorbed.id(), proven.type().key(), proven.value(), proof.key(), now())
                .update();
        List<MergeMove> moves = new ArrayList<>();
        for (KnownIdentity known : customers.identitiesOf(absorbed.id())) {
            jdbc.sql("update customer_identities set customer_id = ? where identity_type = ? and identity_value = ?")
                    .params(survivor.id(), known.identity().type().key(), known.identity().value()).update();
            moves.add(new MergeMove("identity", known.identity().toString(), null));
        }
        if (jdbc.sql("update customer_identities set verified = true where identity_type = ? and identity_value = ? "
                + "and verified = false").params(proven.type().key(), proven.value()).update() == 1) {
            moves.add(new MergeMove("verified", proven.toString(), null));
        }
        moves.addAll(fillIn(survivor, absorbed));
        jdbc.sql("update customers set merged_into = ? where id = ?").params(survivor.id(), absorbed.id()).update();
        for (MergeParticipant participant : participants) {
            List<MergeMove> theirs = participant.merge(survivor.id(), absorbed.id());
            theirs.stream().filter(m -> !participant.kinds().contains(m.kind())).findAny().ifPresent(m -> {
                throw new IllegalStateException(participant + " reported a move of a kind it does not own: " + m.kind());
            });
            moves.addAll(theirs);
        }
        for (int i = 0; i < moves.size(); i++) {
            MergeMove move = moves.get(i);
            jdbc.sql("insert into customer_merge_moves (merge_id, position, kind, item, detail) values (?, ?, ?, ?, ?)")
                    .params(mergeId, i, move.kind(), move.item(), move.detail()).update();
        }
        publisher.publishEvent(new CustomersMerged(mergeId, survivor.id(), absorbed.id()));
        log.info("merge {}: customer {} absorbed customer {} ({} moves)", mergeId, survivor.id(), absorbed.id(), moves.size());
        return find(mergeId).orElseThrow();
    }

    /** Puts back exactly what the merge moved. Refused when it was undone already, or a later merge must go first. */
    @Transactional
    public UndoOutcome undo(UUID mergeId, String undoneBy) {
        Optional<Merge> found = jdbc.sql("select id from customer_merges where id = ? for update").param(mergeId)
                .query(UUID.class).optional().flatMap(this::find);
        if (found.isEmpty()) {
            return new UndoOutcome.NotFound();
        }
        Merge merge = found.get();
        if (merge.undone()) {
            return new UndoOutcome.AlreadyUndone(merge);
        }
        Optional<UUID> later = jdbc.sql("select id from customer_merges where undone_at is null and seq > "
                        + "(select seq from customer_merges where id = ?) and (survivor_id in (?, ?) or absorbed_id in (?, ?)) "
                        + "order by seq desc limit 1")
                .params(mergeId, merge.survivorId(), merge.absorbedId(), merge.survivorId(), merge.absorbedId())
                .query(UUID.class).optional();
        if (later.isPresent()) {
            return new UndoOutcome.LaterMergeFirst(later.get());
        }
        lockInOrder(merge.survivorId(), merge.absorbedId());
        for (MergeParticipant participant : reversed(participants)) {
            participant.undo(merge.survivorId(), merge.absorbedId(),
                    merge.moves().stream().filter(m -> participant.kinds().contains(m.kind())).toList());
        }
        for (MergeMove move : reversed(merge.moves())) {
            undoOwn(merge, move);
        }
        jdbc.sql("update customers set merged_into = null where id = ?").param(merge.absorbedId()).update();
        jdbc.sql("update customer_merges set undone_at = ?, undone_by = ? where id = ?")
                .params(now(), undoneBy, mergeId).update();
        publisher.publishEvent(new CustomerMergeUndone(mergeId, merge.survivorId(), merge.absorbedId()));
        log.info("merge {} undone: customers {} and {} are two again", mergeId, merge.survivorId(), merge.absorbedId());
        return new UndoOutcome.Undone(find(mergeId).orElseThrow());
    }

    public Optional<Merge> find(UUID mergeId) {
        List<MergeMove> moves = jdbc.sql("select kind, item, detail from customer_merge_moves where merge_id = ? order by position")
                .param(mergeId)
                .query((rs, n) -> new MergeMove(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        return jdbc.sql("select id, survivor_id, absorbed_id, identity_type, identity_value, proof, merged_at, undone_at, "
                        + "undone_by from customer_merges where id = ?")
                .param(mergeId)
                .query((rs, n) -> new Merge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), new Identity(IdentityType.fromKey(rs.getString(4)), rs.getString(5)),
                        Proof.fromKey(rs.getString(6)), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class), rs.getString(9), moves))
                .optional();
    }

    /** Every merge the customer took part in, as survivor or absorbed, oldest first. */
    public List<Merge> ofCustomer(UUID customerId) {
        return jdbc.sql("select id from customer_merges where survivor_id = ? or absorbed_id = ? order by seq")
                .params(customerId, customerId).query(UUID.class).list()
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** What the survivor lacks and the absorbed had: name, preferred channel, attributes the survivor has no value for. */
    private List<MergeMove> fillIn(Party survivor, Party absorbed) {
        List<MergeMove> moves = new ArrayList<>();
        if (survivor.displayName() == null && absorbed.displayName() != null) {
            jdbc.sql("update customers set display_name = ? where id = ?").params(absorbed.displayName(), survivor.id()).update();
            moves.add(new MergeMove("display-name", "display_name", absorbed.displayName()));
        }
        if (survivor.preferredChannel() == null && absorbed.preferredChannel() != null) {
            jdbc.sql("update customers set preferred_channel = ? where id = ?")
                    .params(absorbed.preferredChannel(), survivor.id()).update();
            moves.add(new MergeMove("preferred-channel", "preferred_channel", absorbed.preferredChannel()));
        }
        Map<String, Object> kept = new LinkedHashMap<>(read(survivor.attributes()));
        read(absorbed.attributes()).forEach((name, value) -> {
            if (!kept.containsKey(name)) {
                kept.put(name, value);
                moves.add(new MergeMove("attribute", name, write(value)));
            }
        });
        if (moves.stream().anyMatch(m -> m.kind().equals("attribute"))) {
            jdbc.sql("update customers set attributes = ? where id = ?").params(write(kept), survivor.id()).update();
        }
        return moves;
    }

    private void undoOwn(Merge merge, MergeMove move) {
        switch (move.kind()) {
            case "identity" -> {
                Identity identity = Identity.parse(move.item());
                jdbc.sql("update customer_identities set customer_id = ? where identity_type = ? and identity_value = ? "
                                + "and customer_id = ?")
                        .params(merge.absorbedId(), identity.type().key(), identity.value(), merge.survivorId()).update();
            }
            case "verified" -> {
                Identity identity = Identity.parse(move.item());
                jdbc.sql("update customer_identities set verified = false where identity_type = ? and identity_value = ?")
                        .params(identity.type().key(), identity.value()).update();
            }
            case "display-name" -> jdbc.sql("update customers set display_name = null where id = ? and display_name = ?")
                    .params(merge.survivorId(), move.detail()).update();
            case "preferred-channel" -> jdbc.sql(
                            "update customers set preferred_channel = null where id = ? and preferred_channel = ?")
                    .params(merge.survivorId(), move.detail()).update();
            case "attribute" -> {
                Map<String, Object> attributes = new LinkedHashMap<>(read(party(merge.survivorId()).attributes()));
                // the business's systems may have set the attribute since: then it is theirs, and stays
                if (attributes.containsKey(move.item()) && Objects.equals(write(attributes.get(move.item())), move.detail())) {
                    attributes.remove(move.item());
                    jdbc.sql("update customers set attributes = ? where id = ?")
                            .params(write(attributes), merge.survivorId()).update();
                }
            }
            default -> {
                // a participant's move: undone by that participant already
            }
        }
    }

    /** Both rows held, always in the same order, so two merges of the same pair cannot deadlock. */
    void lockInOrder(UUID one, UUID other) {
        customers.lock(one.compareTo(other) < 0 ? one : other);
        customers.lock(one.compareTo(other) < 0 ? other : one);
    }

    private Party party(UUID id) {
        return jdbc.sql("select id, created_at, display_name, preferred_channel, attributes from customers where id = ?")
                .param(id)
                .query((rs, n) -> new Party(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
    }

    private Map<String, Object> read(String attributes) {
        try {
            return json.readValue(attributes, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored customer attributes are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON", e);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
