package io.throughline.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One-time codes: right, wrong, used up, expired (by a clock the test moves, not by waiting). */
class IdentityProofsTest {

    private final MovableClock clock = new MovableClock();
    private CustomerModule m;
    private IdentityProofs proofs;
    private final Identity visitor = Identity.visitor(UUID.randomUUID().toString());
    private final Identity phone = new Identity(IdentityType.PHONE, "+4915112345678");

    @BeforeEach
    void setUp() throws Exception {
        m = CustomerModule.onH2();
        proofs = m.proofs(clock);
    }

    @Test
    void theRightCodeLinksTheIdentityVerifiedAndOnlyItsHashIsKept() {
        var issued = m.inTransaction(() -> proofs.issue(visitor, phone, "sms"));

        var check = m.inTransaction(() -> proofs.check(issued.proofId(), visitor, issued.code()));

        assertThat(issued.code()).matches("[0-9]{6}");
        assertThat(check).isInstanceOf(IdentityProofs.Check.Proven.class);
        UUID customer = ((IdentityProofs.Check.Proven) check).linked().customerId();
        assertThat(m.customers.findIdByIdentity(visitor)).hasValue(customer);
        assertThat(m.customers.identitiesOf(customer)).contains(new KnownIdentity(phone, true));
        String row = m.jdbc.sql("select code_hash || ' ' || salt || ' ' || sent_via from identity_proofs where id = ?")
                .param(issued.proofId()).query(String.class).single();
        assertThat(row).doesNotContain(issued.code()).endsWith(" sms");
        assertThat(m.inTransaction(() -> proofs.check(issued.proofId(), visitor, issued.code())))
                .as("a code works once").isEqualTo(new IdentityProofs.Check.Gone("this code was used already"));
    }

    @Test
    void aWrongCodeCountsDownAndTheSixthAttemptIsRefusedEvenWithTheRightCode() {
        var issued = m.inTransaction(() -> proofs.issue(visitor, phone, "sms"));
        String wrong = issued.code().equals("000000") ? "000001" : "000000";

        for (int left = 4; left >= 0; left--) {
            assertThat(m.inTransaction(() -> proofs.check(issued.proofId(), visitor, wrong)))
                    .isEqualTo(new IdentityProofs.Check.WrongCode(left));
        }

        assertThat(m.inTransaction(() -> proofs.check(issued.proofId(), visitor, issued.code())))
                .isEqualTo(new IdentityProofs.Check.Gone("every attempt for this code is spent"));
        assertThat(m.customers.findIdByIdentity(phone)).isEmpty();
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        var issued = m.inTransaction(() -> proofs.issue(visitor, phone, "whatsapp"));
        var another = m.inTransaction(() -> proofs.issue(visitor, phone, "whatsapp"));

        clock.advance(IdentityProofs.LIFETIME.minusSeconds(1));
        assertThat(m.inTransaction(() -> proofs.check(another.proofId(), visitor, another.code())))
                .isInstanceOf(IdentityProofs.Check.Proven.class);
        clock.advance(Duration.ofSeconds(1));

        assertThat(m.inTransaction(() -> proofs.check(issued.proofId(), visitor, issued.code())))
                .isEqualTo(new IdentityProofs.Check.Gone("this code has expired"));
    }

    @Test
    void aProofBelongsToTheVisitorWhoAskedAndAWithdrawnOneToNobody() {
        var issued = m.inTransaction(() -> proofs.issue(visitor, phone, "sms"));
        Identity someoneElse = Identity.visitor(UUID.randomUUID().toString());

        assertThat(m.inTransaction(() -> proofs.check(issued.proofId(), someoneElse, issued.code())))
                .isInstanceOf(IdentityProofs.Check.Unknown.class);
        m.inTransaction(() -> {
            proofs.withdraw(issued.proofId());
            return null;
        });
        assertThat(m.inTransaction(() -> proofs.check(issued.proofId(), visitor, issued.code())))
                .isInstanceOf(IdentityProofs.Check.Gone.class);
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2025-06-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
