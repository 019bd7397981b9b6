package io.throughline.insights;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock: how much working time lies between two instants. Outside working hours it stops, so a question that
 * came in on Friday evening is not late on Monday at nine.
 */
public interface WorkingHours {

    Duration between(Instant from, Instant to);

    /** A clock that never stops, for 24/7 queues. */
    static WorkingHours aroundTheClock() {
        return (from, to) -> to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
