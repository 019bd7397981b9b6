package io.throughline.channel.webchat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for the other nodes' {@link PeerNotices} on a connection of its own (outside the pool: it is held for the
 * node's whole life). When the connection breaks it reconnects, and then catches up every open stream, because a
 * notice sent while it was away is lost for good.
 */
@Component
class PeerListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeerListener.class);
    /** How long one wait for notices lasts; after an empty one the connection is probed, so a dead one is noticed. */
    private static final int WAIT_MILLIS = 5_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final PeerNotices notices;
    private final WebChatStreams streams;
    private final DataSourceProperties dataSource;
    private volatile Thread thread;
    private volatile Connection connection;

    PeerListener(PeerNotices notices, WebChatStreams streams, DataSourceProperties dataSource) {
        this.notices = notices;
        this.streams = streams;
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        if (!notices.clustered()) {
            return;
        }
        thread = new Thread(this::listen, "webchat-peer-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        long backoffMillis = 250;
        boolean everConnected = false;
        while (!Thread.currentThread().isInterrupted()) {
            try (Connection listening = connect()) {
                connection = listening;
                if (everConnected) {
                    log.info("Listening for other nodes' web-chat notices again; catching up every open stream");
                }
                // whatever was sent while this node was not listening is read from the rows instead
                streams.catchUpAll();
                everConnected = true;
                backoffMillis = 250;
                receive(listening);
            } catch (SQLException e) {
                if (Thread.currentThread().isInterrupted() || thread == null) {
                    return;
                }
                log.warn("Web-chat fan-out lost its PostgreSQL connection ({}); reconnecting. Streams on this node see "
                        + "replies made on other nodes again once it is back", e.getMessage());
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException stopping) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        }
    }

    private Connection connect() throws SQLException {
        Connection listening = DriverManager.getConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
        try (Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + PeerNotices.CHANNEL);
        }
        return listening;
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        while (!Thread.currentThread().isInterrupted()) {
            PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
            if (received == null || received.length == 0) {
                try (Statement probe = listening.createStatement()) {
                    probe.execute("select 1");
                }
                continue;
            }
            for (PGNotification notification : received) {
                PeerNotice.parse(notification.getParameter())
                        .filter(notice -> !notice.node().equals(notices.node()))
                        .ifPresent(streams::onPeer);
            }
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                Connection open = connection;
                if (open != null) {
                    open.close();
                }
            } catch (SQLException ignored) {
                // closing on the way out
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
