package io.throughline.insights;

/**
 * The KPIs of a set of conversations. Times are in seconds; a rate is null when there is nothing to divide by.
 *
 * @param firstResponse          customer's first message to the first reply anyone (bot or person) made visible
 * @param humanFirstResponse     handoff to a person's first reply; in working hours where the queue's SLA says so
 * @param timeToResolution       first message to resolution
 * @param firstContactResolution resolved, not reopened, and no contact on the same intent within the repeat window
 * @param transfer               handed to a person
 * @param containment            resolved with no person and not reopened within the reopen window
 * @param repeatContact          conversations with an intent whose customer had one on the same intent shortly before
 * @param conversion             pre-sales conversations that captured a lead or confirmed a booking
 * @param firstResponseSla       human first responses within their queue's target
 * @param resolutionSla          resolutions within their queue's target
 */
public record Kpis(long conversations, long resolved, long open, Timing firstResponse, Timing humanFirstResponse,
                   Timing timeToResolution, Rate firstContactResolution, Rate transfer, Containment containment,
                   Csat csat, Rate repeatContact, Conversion conversion, Compliance firstResponseSla,
                   Compliance resolutionSla) {

    public record Timing(long count, Double medianSeconds, Double p90Seconds, Double averageSeconds) {}

    /** {@code count} of {@code of}. */
    public record Rate(long count, long of, Double rate) {
        static Rate of(long count, long of) {
            return new Rate(count, of, of == 0 ? null : (double) count / of);
        }
    }

    /**
     * @param settled conversations whose outcome is known: a person took part, it was reopened, or its reopen window
     *                has passed
     * @param pending conversations the bot still handles, or resolved without a person less than a window ago
     */
    public record Containment(long contained, long settled, long pending, Double rate) {}

    /** @param score the share of ratings of 4 or 5 (the usual CSAT score) */
    public record Csat(long responses, Double average, long satisfied, Double score, Double responseRate) {}

    public record Conversion(long preSales, long leads, long bookings, long converted, Double rate) {}

    /** @param pending still within the target: waiting for a person, or not yet resolved */
    public record Compliance(long measured, long met, long breached, long pending, Double rate) {}
}
