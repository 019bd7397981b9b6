package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class IngestProgressTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void reportsEveryNFilesWithRatesOverTheRunSoFar() {
        IngestProgress progress = new IngestProgress(clock, 2, Duration.ofHours(1));
        progress.started(5);

        clock.advance(Duration.ofSeconds(1));
        progress.fileDone(3);
        assertThat(progress.status().lastReport()).isNull();
        clock.advance(Duration.ofSeconds(1));
        progress.fileDone(5);

        IngestStatus status = progress.status();
        assertThat(status.lastReport()).isEqualTo(clock.instant());
        assertThat(status).extracting(IngestStatus::state, IngestStatus::filesDone, IngestStatus::chunks,
                IngestStatus::filesPerSecond, IngestStatus::chunksPerSecond).containsExactly("running", 2, 8, 1.0, 4.0);
    }

    @Test
    void reportsAfterTheIntervalEvenWhenFewFilesWereDone() {
        IngestProgress progress = new IngestProgress(clock, 100, Duration.ofSeconds(5));
        progress.started(10);

        clock.advance(Duration.ofSeconds(4));
        progress.fileDone(1);
        assertThat(progress.status().lastReport()).isNull();
        clock.advance(Duration.ofSeconds(1));
        progress.failed(new IngestFailure("x.pdf", "is empty"));

        assertThat(progress.status().lastReport()).isEqualTo(clock.instant());
        assertThat(progress.status().failures()).containsExactly(new IngestFailure("x.pdf", "is empty"));
    }

    @Test
    void aNewRunStartsFromZeroAndAFinishedRunIsIdle() {
        IngestProgress progress = new IngestProgress(clock, 1, Duration.ofSeconds(5));
        progress.started(2);
        progress.failed(new IngestFailure("a.png", "unsupported file type"));
        progress.fileDone(4);
        progress.finished();
        assertThat(progress.status()).extracting(IngestStatus::state, IngestStatus::filesDone).containsExactly("idle", 2);

        progress.started(1);

        assertThat(progress.status()).extracting(IngestStatus::state, IngestStatus::filesDone, IngestStatus::chunks,
                IngestStatus::finished, IngestStatus::failures).containsExactly("running", 0, 0, null, java.util.List.of());
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
