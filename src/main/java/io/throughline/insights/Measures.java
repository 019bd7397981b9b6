package io.throughline.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;

/**
 * How each KPI is measured on {@link ConversationRow}s, at a given moment (a resolution is contained only once its
 * reopen window has passed, an SLA is breached once its target has passed). Plain Java: the definitions live here.
 */
public final class Measures {

    public enum SlaState { MET, BREACHED, PENDING, NONE }

    private final InsightsSettings settings;
    private final WorkingHours workingHours;
    private final Instant now;

    public Measures(InsightsSettings settings, WorkingHours workingHours, Instant now) {
        this.settings = settings;
        this.workingHours = workingHours;
        this.now = now;
    }

    /**
     * One conversation measured: what every KPI needs of it, computed once, so a report's breakdowns only add up.
     * Times in milliseconds, -1 where they do not apply.
     */
    public record Measured(ConversationRow row, long firstResponseMs, long humanFirstResponseMs, long resolutionMs,
                           boolean contained, boolean containmentPending, boolean firstContact, boolean preSales,
                           SlaState firstResponseSla, SlaState resolutionSla) {}

    public Measured measure(ConversationRow row) {
        boolean contained = contained(row);
        return new Measured(row, millis(row.openedAt(), row.firstResponseAt()), millis(humanFirstResponse(row)),
                millis(row.openedAt(), row.resolvedAt()), contained,
                !contained && !row.personInvolved() && !row.reopened(),
                row.resolved() && !row.reopened() && !row.repeatedLater(),
                row.journeys().contains(settings.preSalesJourney()), firstResponseSla(row), resolutionSla(row));
    }

    public Kpis of(Collection<ConversationRow> rows) {
        return ofMeasured(rows.stream().map(this::measure).toList());
    }

    public static Kpis ofMeasured(Collection<Measured> measured) {
        long[] firstResponses = new long[measured.size()];
        long[] humanResponses = new long[measured.size()];
        long[] resolutions = new long[measured.size()];
        int nFirst = 0, nHuman = 0, nResolution = 0;
        long resolved = 0, fcr = 0, handedOff = 0, contained = 0, pending = 0, withIntent = 0, repeats = 0;
        long ratings = 0, ratingSum = 0, satisfied = 0, preSales = 0, leads = 0, bookings = 0, converted = 0;
        long[] firstSla = new long[SlaState.values().length];
        long[] resolutionSla = new long[SlaState.values().length];
        for (Measured m : measured) {
            ConversationRow row = m.row();
            if (m.firstResponseMs() >= 0) {
                firstResponses[nFirst++] = m.firstResponseMs();
            }
            if (m.humanFirstResponseMs() >= 0) {
                humanResponses[nHuman++] = m.humanFirstResponseMs();
            }
            if (m.resolutionMs() >= 0) {
                resolutions[nResolution++] = m.resolutionMs();
            }
            resolved += row.resolved() ? 1 : 0;
            fcr += m.firstContact() ? 1 : 0;
            handedOff += row.handedOff() ? 1 : 0;
            contained += m.contained() ? 1 : 0;
            pending += m.containmentPending() ? 1 : 0;
            if (row.intent() != null) {
                withIntent++;
                repeats += row.repeatContact() ? 1 : 0;
            }
            if (row.csatScore() != null) {
                ratings++;
                ratingSum += row.csatScore();
                satisfied += row.csatScore() >= 4 ? 1 : 0;
            }
            if (m.preSales()) {
                preSales++;
                leads += row.leadCaptured() ? 1 : 0;
                bookings += row.bookingConfirmed() ? 1 : 0;
                converted += row.leadCaptured() || row.bookingConfirmed() ? 1 : 0;
            }
            firstSla[m.firstResponseSla().ordinal()]++;
            resolutionSla[m.resolutionSla().ordinal()]++;
        }
        long settled = measured.size() - pending;
        return new Kpis(measured.size(), resolved, measured.size() - resolved, timing(firstResponses, nFirst),
                timing(humanResponses, nHuman), timing(resolutions, nResolution), Kpis.Rate.of(fcr, resolved),
                Kpis.Rate.of(handedOff, measured.size()),
                new Kpis.Containment(contained, settled, pending, ratio(contained, settled)),
                new Kpis.Csat(ratings, ratings == 0 ? null : (double) ratingSum / ratings, satisfied,
                        ratio(satisfied, ratings), ratio(ratings, resolved)),
                Kpis.Rate.of(repeats, withIntent),
                new Kpis.Conversion(preSales, leads, bookings, converted, ratio(converted, preSales)),
                compliance(firstSla), compliance(resolutionSla));
    }

    /** Resolved with no person taking part, not reopened, and the reopen window has passed. */
    public boolean contained(ConversationRow row) {
        return !row.personInvolved() && row.resolved() && !row.reopened()
                && !row.resolvedAt().toInstant().plus(settings.reopenWindow()).isAfter(now);
    }

    /** From the handoff to a person's first reply: working time where the queue's SLA runs in business hours. */
    public Duration humanFirstResponse(ConversationRow row) {
        if (row.handoffAt() == null || row.agentReplyAt() == null || row.agentReplyAt().isBefore(row.handoffAt())) {
            return null;
        }
        return elapsed(row, row.handoffAt().toInstant(), row.agentReplyAt().toInstant());
    }

    public SlaState firstResponseSla(ConversationRow row) {
        InsightsSettings.Sla sla = slaOf(row.queue());
        if (sla == null || sla.firstResponse() == null || row.handoffAt() == null) {
            return SlaState.NONE;
        }
        Duration taken = humanFirstResponse(row);
        if (taken != null) {
            return row.slaBreached() || taken.compareTo(sla.firstResponse()) > 0 ? SlaState.BREACHED : SlaState.MET;
        }
        if (row.resolved() || row.slaBreached()) {
            return SlaState.BREACHED; // ended, or the journey's own SLA timer fired, with no person's reply
        }
        return elapsed(row, row.handoffAt().toInstant(), now).compareTo(sla.firstResponse()) > 0
                ? SlaState.BREACHED : SlaState.PENDING;
    }

    public SlaState resolutionSla(ConversationRow row) {
        InsightsSettings.Sla sla = slaOf(row.queue());
        if (sla == null || sla.resolution() == null) {
            return SlaState.NONE;
        }
        Instant end = row.resolved() ? row.resolvedAt().toInstant() : now;
        boolean over = elapsed(row, row.openedAt().toInstant(), end).compareTo(sla.resolution()) > 0;
        return over ? SlaState.BREACHED : row.resolved() ? SlaState.MET : SlaState.PENDING;
    }

    /**
     * How much of its queue's first-response target a conversation handed over at {@code since} has used by now
     * (1.0 = the whole target); null when the queue has no such target.
     */
    public Double firstResponseTargetUsed(String queue, Instant since) {
        InsightsSettings.Sla sla = slaOf(queue);
        if (sla == null || sla.firstResponse() == null) {
            return null;
        }
        return (double) elapsed(queue, since, now).toMillis() / Math.max(1, sla.firstResponse().toMillis());
    }

    public boolean atRisk(Double targetUsed) {
        return targetUsed != null && targetUsed >= settings.slaAtRisk() && targetUsed <= 1.0;
    }

    /** The SLA of the queue, else the {@code default} one, else none. */
    InsightsSettings.Sla slaOf(String queue) {
        InsightsSettings.Sla sla = queue == null ? null : settings.sla().get(queue);
        return sla != null ? sla : settings.sla().get("default");
    }

    private Duration elapsed(ConversationRow row, Instant from, Instant to) {
        return elapsed(row.queue(), from, to);
    }

    private Duration elapsed(String queue, Instant from, Instant to) {
        InsightsSettings.Sla sla = slaOf(queue);
        return sla != null && sla.businessHours() ? workingHours.between(from, to)
                : WorkingHours.aroundTheClock().between(from, to);
    }

    private static Kpis.Compliance compliance(long[] states) {
        long met = states[SlaState.MET.ordinal()];
        long breached = states[SlaState.BREACHED.ordinal()];
        long pending = states[SlaState.PENDING.ordinal()];
        return new Kpis.Compliance(met + breached + pending, met, breached, pending, ratio(met, met + breached));
    }

    static Kpis.Timing timing(long[] millis, int count) {
        if (count == 0) {
            return new Kpis.Timing(0, null, null, null);
        }
        long[] sorted = java.util.Arrays.copyOf(millis, count);
        java.util.Arrays.sort(sorted);
        double sum = 0;
        for (long ms : sorted) {
            sum += ms;
        }
        return new Kpis.Timing(count, percentile(sorted, 0.5) / 1000.0, percentile(sorted, 0.9) / 1000.0,
                sum / count / 1000.0);
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Double ratio(long count, long of) {
        return of == 0 ? null : (double) count / of;
    }

    private static long millis(Duration duration) {
        return duration == null ? -1 : duration.toMillis();
    }

    /** From {@code from} to {@code to} in milliseconds, never below 0; -1 without an end. */
    private static long millis(OffsetDateTime from, OffsetDateTime to) {
        return to == null ? -1 : Math.max(0, to.toInstant().toEpochMilli() - from.toInstant().toEpochMilli());
    }
}
