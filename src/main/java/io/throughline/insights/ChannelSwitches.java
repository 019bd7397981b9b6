package io.throughline.insights;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Channel transfer success: of the SWITCH_CHANNEL decisions in a journey's conversations (opened in the range), how
 * many the customer followed, writing again on another channel than the one they were on when it was decided.
 */
@Repository("insightsChannelSwitches")   // conversation has a ChannelSwitches bean too
public class ChannelSwitches {

    public record Outcome(long attempted, long carriedOn, Double rate) {}

    private static final String OUTCOMES = """
            select s.conversation_id,
                   case when exists (select 1 from conversation_events a where a.conversation_id = s.conversation_id
                                       and a.event_type = 'MESSAGE_IN' and a.occurred_at > s.decided_at
                                       and a.channel <> s.channel_before)
                   then 1 else 0 end as carried_on
            from (select d.conversation_id, d.decided_at,
                         (select e.channel from conversation_events e where e.conversation_id = d.conversation_id
                            and e.event_type = 'MESSAGE_IN' and e.occurred_at <= d.decided_at
                          order by e.id desc fetch first 1 row only) as channel_before
                  from decisions d
                  join conversations c on c.id = d.conversation_id
                  where d.action = 'SWITCH_CHANNEL' and c.opened_at >= ? and c.opened_at < ?
                    and exists (select 1 from conversation_events j where j.conversation_id = d.conversation_id
                                  and j.event_type = 'JOURNEY_STARTED' and j.detail = ?)) s""";

    private final JdbcClient jdbc;

    public ChannelSwitches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Outcome of(String journey, OffsetDateTime from, OffsetDateTime to) {
        long[] counts = new long[2];
        jdbc.sql(OUTCOMES).params(from, to, journey).query(rs -> {
            counts[0]++;
            counts[1] += rs.getInt(2);
        });
        return new Outcome(counts[0], counts[1], counts[0] == 0 ? null : (double) counts[1] / counts[0]);
    }
}
