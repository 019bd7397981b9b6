package io.throughline.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of its own for this test run, found in this order: a server named by the environment
 * ({@code THROUGHLINE_TEST_POSTGRES_URL}, plus {@code _USER} and {@code _PASSWORD}), the local server at
 * 127.0.0.1:5432, Testcontainers where Docker runs. The database is created once per run and dropped when the JVM ends.
 * Where no server is found the PostgreSQL tests are skipped, loudly, unless {@code throughline.test.postgres.required}
 * is true (CI sets it), in which case they fail.
 */
public final class Postgres {

    public record Database(String url, String user, String password) {}

    private static Database server;
    private static Database database;
    private static String unavailable;

    private Postgres() {
    }

    /** The run's database, or the test is skipped (or failed, where PostgreSQL is required). */
    public static synchronized Database database() {
        if (database == null && unavailable == null) {
            database = findServer() ? create() : null;
        }
        if (database == null) {
            skipOrFail();
        }
        return database;
    }

    /** Another database of its own, for a test that runs its own application nodes; dropped when the JVM ends. */
    public static synchronized Database freshDatabase() {
        if (server == null && unavailable == null) {
            findServer();
        }
        if (server == null) {
            skipOrFail();
        }
        return create();
    }

    private static void skipOrFail() {
        String message = "PostgreSQL tests need a server: " + unavailable + ". Start one on 127.0.0.1:5432 (trust auth, "
                + "user postgres), or set THROUGHLINE_TEST_POSTGRES_URL=jdbc:postgresql://host:port/postgres with "
                + "THROUGHLINE_TEST_POSTGRES_USER and _PASSWORD, or run Docker for Testcontainers.";
        if (Boolean.getBoolean("throughline.test.postgres.required")) {
            throw new IllegalStateException(message + " (required: throughline.test.postgres.required=true)");
        }
        System.err.println("\n*** SKIPPING POSTGRESQL TESTS *** " + message + "\n");
        Assumptions.abort(message);
    }

    private static boolean findServer() {
        Optional<Database> found = fromEnvironment().or(Postgres::local).or(Postgres::testcontainers);
        if (found.isEmpty()) {
            unavailable = "none given in the environment, none at 127.0.0.1:5432, no Docker for Testcontainers";
            return false;
        }
        server = found.get();
        return true;
    }

    private static Database create() {
        String name = "throughline_test_" + UUID.randomUUID().toString().substring(0, 8);
        execute(server, "create database " + name);
        Database admin = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            afterSpringHasClosed();
            execute(admin, "drop database if exists " + name + " with (force)");
        }));
        String url = admin.url().substring(0, admin.url().lastIndexOf('/') + 1) + name;
        return new Database(url, admin.user(), admin.password());
    }

    /**
     * JVM shutdown hooks run at the same time. Dropping the database under an application that is still closing would
     * leave its job executor waiting for connections, so wait for Spring's own hook to finish first.
     */
    private static void afterSpringHasClosed() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
                .forEach(thread -> {
                    try {
                        thread.join(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    private static Optional<Database> fromEnvironment() {
        String url = System.getenv("THROUGHLINE_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return reachable(new Database(url, env("THROUGHLINE_TEST_POSTGRES_USER", "postgres"),
                env("THROUGHLINE_TEST_POSTGRES_PASSWORD", "")));
    }

    private static Optional<Database> local() {
        return reachable(new Database("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""));
    }

    private static Optional<Database> testcontainers() {
        try {
            if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15");
            container.start();
            return Optional.of(new Database(container.getJdbcUrl().replaceAll("/[^/?]+(\\?.*)?$", "/postgres"),
                    container.getUsername(), container.getPassword()));
        } catch (Throwable noDocker) {
            return Optional.empty();
        }
    }

    private static Optional<Database> reachable(Database candidate) {
        try (Connection ignored = DriverManager.getConnection(candidate.url(), candidate.user(), candidate.password())) {
            return Optional.of(candidate);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static void execute(Database admin, String sql) {
        try (Connection connection = DriverManager.getConnection(admin.url(), admin.user(), admin.password())) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
