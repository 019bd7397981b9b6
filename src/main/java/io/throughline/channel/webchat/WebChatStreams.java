package io.throughline.channel.webchat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.throughline.conversation.Messages;
import io.throughline.conversation.TranscriptChanged;
import io.throughline.customer.CustomerMergeUndone;
import io.throughline.customer.Customers;
import io.throughline.customer.CustomersMerged;
import io.throughline.customer.Identity;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open web-chat streams of this node. A stream is registered before it replays, and every push re-reads what the
 * visitor has not been sent yet, so nothing falls between replay and live and nothing is sent twice.
 */
@Component
class WebChatStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebChatStreams.class);
    static final long HEARTBEAT_SECONDS = 15;

    private final Messages messages;
    private final Customers customers;
    private final StreamEvents events;
    private final PeerNotices peers;
    private final Set<VisitorStream> streams = ConcurrentHashMap.newKeySet();
    private final ExecutorService pushes = Executors.newFixedThreadPool(4, daemon("webchat-push"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("webchat-heartbeat"));

    WebChatStreams(Messages messages, Customers customers, StreamEvents events, PeerNotices peers, MeterRegistry meters) {
        this.messages = messages;
        this.customers = customers;
        this.events = events;
        this.peers = peers;
        Gauge.builder("throughline.webchat.streams", streams, Set::size)
                .description("web-chat event streams open on this node").register(meters);
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    SseEmitter open(String visitorId, String lastEventId) {
        SseEmitter emitter = new SseEmitter(-1L); // never times out on its own; the client or the network ends it
        VisitorStream stream = new VisitorStream(visitorId, emitter, events, messages);
        parseEventId(lastEventId).flatMap(messages::find).filter(m -> m.visibleAt() != null).ifPresent(stream::resumeAfter);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(e -> streams.remove(stream));
        // registered before the customer is looked up: a first message accepted in between (here or on another node)
        // either is found by the look-up or reaches the registered stream, never neither
        streams.add(stream);
        customers.findIdByIdentity(Identity.visitor(visitorId)).ifPresent(stream::knownAs);
        stream.opened(); // headers and a first line now, so the client knows the stream is up even while it is empty
        pushes.execute(stream::catchUp);
        return emitter;
    }

    /**
     * The visitor has just become (or was) this customer: streams opened before their first message can now read, on
     * this node at once and on the others through a notice (their streams may be connected to any node).
     */
    void customerKnown(String visitorId, UUID customerId) {
        streams.stream().filter(s -> s.visitorId().equals(visitorId) && s.customerId() == null).forEach(s -> {
            s.knownAs(customerId);
            pushes.execute(s::catchUp);
        });
        peers.visitorKnown(visitorId);
    }

    /** Another node's notice: the same reactions as to this node's own events, for the streams connected here. */
    void onPeer(PeerNotice notice) {
        switch (notice.kind()) {
            case TRANSCRIPT -> catchUpCustomer(UUID.fromString(notice.subject()));
            case VISITOR -> streams.stream()
                    .filter(s -> s.customerId() == null && s.visitorHash().equals(notice.subject()))
                    .forEach(this::resolveAndCatchUp);
            case MERGE -> follow(Arrays.stream(notice.subject().split(","))
                    .map(UUID::fromString).collect(Collectors.toSet()));
        }
    }

    /** After notices may have been missed: every stream reads whose it is and what it has not sent yet. */
    void catchUpAll() {
        streams.forEach(this::resolveAndCatchUp);
    }

    private void resolveAndCatchUp(VisitorStream stream) {
        pushes.execute(() -> {
            customers.findIdByIdentity(Identity.visitor(stream.visitorId())).ifPresent(stream::knownAs);
            stream.catchUp();
        });
    }

    private void catchUpCustomer(UUID customerId) {
        streams.stream().filter(s -> customerId.equals(s.customerId())).forEach(s -> pushes.execute(s::catchUp));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TranscriptChanged changed) {
        catchUpCustomer(changed.customerId());
    }

    /**
     * A merge or its undo moved the visitor's identity, and with it the customer their stream reads: each stream of
     * either customer follows its visitor to whoever holds it now.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomersMerged merged) {
        follow(Set.of(merged.survivorId(), merged.absorbedId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CustomerMergeUndone undone) {
        follow(Set.of(undone.survivorId(), undone.absorbedId()));
    }

    private void follow(Set<UUID> customerIds) {
        streams.stream().filter(s -> s.customerId() != null && customerIds.contains(s.customerId())).forEach(s -> {
            customers.findIdByIdentity(Identity.visitor(s.visitorId())).ifPresent(s::knownAs);
            pushes.execute(s::catchUp);
        });
    }

    private void beat() {
        streams.forEach(s -> pushes.execute(() -> {
            if (!s.heartbeat()) {
                streams.remove(s);
            }
        }));
    }

    private static Optional<UUID> parseEventId(String lastEventId) {
        try {
            return lastEventId == null || lastEventId.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(lastEventId.strip()));
        } catch (IllegalArgumentException notOurs) {
            log.debug("ignoring a Last-Event-ID that is not a message id");
            return Optional.empty();
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown begins, which would otherwise wait its whole timeout
     * for streams that never end on their own. Widgets reconnect, to another node or to this one restarted.
     */
    @Override
    public void stop() {
        running = false;
        heartbeat.shutdownNow();
        streams.forEach(VisitorStream::complete);
        streams.clear();
        pushes.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // stopped first
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
