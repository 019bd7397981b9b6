package io.throughline.channel.webchat;

import io.throughline.conversation.TranscriptChanged;
import io.throughline.customer.CustomerMergeUndone;
import io.throughline.customer.CustomersMerged;
import java.util.UUID;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the other nodes on the same PostgreSQL what changed for web chat, by NOTIFY. The notice is sent inside the
 * transaction that made the change, and PostgreSQL delivers it only when that transaction commits: no node ever reads
 * for a message that is not there yet, and a rolled-back change is never announced. On H2 (one node) it does nothing.
 */
@Component
class PeerNotices {

    static final String CHANNEL = "throughline_webchat";

    private final JdbcClient jdbc;
    private final boolean clustered;
    /** Tells this node's own notices apart, which it has already acted on in-process. */
    private final String node = UUID.randomUUID().toString().substring(0, 8);

    PeerNotices(JdbcClient jdbc, DataSourceProperties dataSource) {
        this.jdbc = jdbc;
        this.clustered = isPostgres(dataSource.determineUrl());
    }

    static boolean isPostgres(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    boolean clustered() {
        return clustered;
    }

    String node() {
        return node;
    }

    @EventListener
    void on(TranscriptChanged changed) {
        send(PeerNotice.Kind.TRANSCRIPT, changed.customerId().toString());
    }

    @EventListener
    void on(CustomersMerged merged) {
        send(PeerNotice.Kind.MERGE, merged.survivorId() + "," + merged.absorbedId());
    }

    @EventListener
    void on(CustomerMergeUndone undone) {
        send(PeerNotice.Kind.MERGE, undone.survivorId() + "," + undone.absorbedId());
    }

    /** Called after the visitor's message was accepted (committed): outside a transaction the notice goes at once. */
    void visitorKnown(String visitorId) {
        send(PeerNotice.Kind.VISITOR, PeerNotice.hash(visitorId));
    }

    private void send(PeerNotice.Kind kind, String subject) {
        if (clustered) {
            jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, new PeerNotice(node, kind, subject).payload())
                    .query((rs, row) -> null).list();
        }
    }
}
