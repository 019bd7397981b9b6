package io.throughline.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Notices changed files by their content, polled: file-system events are unreliable on network and container mounts,
 * and a hash ignores a save that changed nothing. A change counts once it has settled, i.e. two looks in a row see the
 * same content, so an editor's half-written save is not taken for the designer's intent.
 */
final class FolderWatch {

    private final Supplier<List<Path>> files;
    private Map<Path, String> current;
    private Map<Path, String> pending;

    /** @param files the files to watch as they are now (listed again on every look, so new files count) */
    FolderWatch(Supplier<List<Path>> files) {
        this.files = files;
        this.current = snapshot();
        this.pending = current;
    }

    /**
     * The files added, changed or removed since the last change this watch reported, once the change has settled;
     * empty while nothing changed or the change is still under way.
     */
    Set<Path> settledChanges() {
        Map<Path, String> now = snapshot();
        if (now.equals(current)) {
            pending = now;
            return Set.of();
        }
        if (!now.equals(pending)) {
            pending = now;
            return Set.of();
        }
        Set<Path> changed = new TreeSet<>();
        Set<Path> all = new HashSet<>(now.keySet());
        all.addAll(current.keySet());
        for (Path file : all) {
            if (!String.valueOf(now.get(file)).equals(String.valueOf(current.get(file)))) {
                changed.add(file);
            }
        }
        current = now;
        return changed;
    }

    private Map<Path, String> snapshot() {
        Map<Path, String> hashes = new HashMap<>();
        for (Path file : files.get()) {
            try {
                hashes.put(file, sha256(Files.readAllBytes(file)));
            } catch (IOException e) {
                hashes.put(file, "unreadable: " + e.getMessage()); // being replaced: the next look sees it settled
            }
        }
        return hashes;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
