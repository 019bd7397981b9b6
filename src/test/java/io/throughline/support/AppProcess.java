package io.throughline.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The application in a JVM of its own, so a test can kill it with -9 the way a crash or an OOM killer would. */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the app from the test classpath in the project folder (so processes/, rules/, knowledge/ are found). */
    public static AppProcess start(Path logDir, String name, String... settings) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "io.throughline.ThroughlineApplication",
                "--server.port=" + port));
        command.addAll(List.of(settings));
        Path log = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, log, port);
        app.awaitHealthy(Duration.ofMinutes(3));
        return app;
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy(Duration patience) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited during start-up:\n" + tail());
            }
            try {
                if (api().get("/actuator/health").body().contains("UP")) {
                    return;
                }
            } catch (AssertionError notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        kill9();
        throw new IllegalStateException("the app was not healthy within " + patience + ":\n" + tail());
    }

    private String tail() throws IOException {
        String all = log();
        return all.substring(Math.max(0, all.length() - 4_000));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
