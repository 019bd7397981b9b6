package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes count by content, once settled: two looks in a row see the same files. */
class FolderWatchTest {

    @TempDir
    Path dir;

    @Test
    void nothingChangedNothingReported() throws IOException {
        Path rules = write("a.drl", "rule a");
        FolderWatch watch = new FolderWatch(() -> List.of(rules));

        assertThat(watch.settledChanges()).isEmpty();
        assertThat(watch.settledChanges()).isEmpty();
    }

    @Test
    void aChangeIsReportedOnceItHasSettled() throws IOException {
        Path rules = write("a.drl", "rule a");
        FolderWatch watch = new FolderWatch(() -> List.of(rules));

        write("a.drl", "rule b");

        assertThat(watch.settledChanges()).as("first look: maybe still being written").isEmpty();
        assertThat(watch.settledChanges()).containsExactly(rules);
        assertThat(watch.settledChanges()).as("reported once").isEmpty();
    }

    @Test
    void aFileStillBeingWrittenWaitsForTheLastWrite() throws IOException {
        Path rules = write("a.drl", "rule a");
        FolderWatch watch = new FolderWatch(() -> List.of(rules));

        write("a.drl", "rule b, half");
        assertThat(watch.settledChanges()).isEmpty();
        write("a.drl", "rule b, whole");
        assertThat(watch.settledChanges()).isEmpty();

        assertThat(watch.settledChanges()).containsExactly(rules);
    }

    @Test
    void savingTheSameContentIsNoChange() throws IOException {
        Path rules = write("a.drl", "rule a");
        FolderWatch watch = new FolderWatch(() -> List.of(rules));

        write("a.drl", "rule a");

        assertThat(watch.settledChanges()).isEmpty();
        assertThat(watch.settledChanges()).isEmpty();
    }

    @Test
    void addedAndRemovedFilesAreChanges() throws IOException {
        Path first = write("a.drl", "rule a");
        FolderWatch watch = new FolderWatch(() -> JourneyDeployment.files(dir, ".drl"));

        Path second = write("b.drl", "rule b");
        Files.delete(first);
        watch.settledChanges();

        assertThat(watch.settledChanges()).containsExactly(first, second);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
