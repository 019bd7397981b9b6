package io.throughline.customer.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases everything held about a customer, aliases included, in one transaction: every module's rows (through
 * {@link PersonalData}), then the engine's runtime and history (the journey, on {@link CustomerErased}), then the
 * record itself. What stays is an {@link Erasure}: when, by whom, how much, and a hash of the id so that asking again
 * is answered. A journey job at work on one of the conversations can clash with it; then the whole erasure is tried
 * again in a new transaction.
 */
@Service
public class CustomerErasures {

    private static final Logger log = LoggerFactory.getLogger(CustomerErasures.class);
    private static final int ATTEMPTS = 5;
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final DataSubjects subjects;
    private final CustomerRecord record;
    private final List<PersonalData> holders;
    private final ApplicationEventPublisher publisher;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    CustomerErasures(JdbcClient jdbc, DataSubjects subjects, CustomerRecord record, List<PersonalData> holders,
                     ApplicationEventPublisher publisher, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.record = record;
        this.holders = List.copyOf(holders);
        this.publisher = publisher;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What asking to erase a customer came to. */
    public sealed interface Outcome {
        record Erased(Erasure erasure) implements Outcome {}

        /** This id was erased before: the record of that erasure. */
        record ErasedBefore(Erasure erasure) implements Outcome {}

        record NotFound() implements Outcome {}
    }

    public Outcome erase(UUID customerId, String erasedBy) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> eraseNow(customerId, erasedBy));
            } catch (ConcurrencyFailureException clash) {
                if (attempt == ATTEMPTS) {
                    throw clash;
                }
                log.info("erasure clashed with work on the customer's conversations (attempt {}): {}; trying again",
                        attempt, clash.getMessage());
                pause(attempt);
            }
        }
    }

    private Outcome eraseNow(UUID customerId, String erasedBy) {
        Optional<DataSubject> found = subjects.of(customerId);
        if (found.isEmpty()) {
            return previous(customerId).<Outcome>map(Outcome.ErasedBefore::new).orElseGet(Outcome.NotFound::new);
        }
        DataSubject subject = found.get();
        subject.customerIds().stream().sorted().forEach(id ->
                jdbc.sql("select id from customers where id = ? for update").param(id).query(UUID.class).list());
        ErasedCounts counts = new ErasedCounts();
        holders.forEach(holder -> holder.erase(subject, counts));
        UUID erasureId = UUID.randomUUID();
        publisher.publishEvent(new CustomerErased(erasureId, subject.customerIds(), counts));
        record.erase(subject, counts);
        Erasure erasure = new Erasure(erasureId, OffsetDateTime.now(ZoneOffset.UTC), erasedBy, counts.asMap());
        for (UUID id : subject.customerIds()) {
            jdbc.sql("insert into customer_erasures (id, subject_hash, erased_at, erased_by, counts) values (?, ?, ?, ?, ?)")
                    .params(id.equals(subject.customerId()) ? erasureId : UUID.randomUUID(), hash(id), erasure.erasedAt(),
                            erasedBy, write(erasure.counts()))
                    .update();
        }
        log.info("erasure {} by {}: removed {}", erasureId, erasedBy, counts);
        return new Outcome.Erased(erasure);
    }

    /** The erasure that took this id, if one did. */
    public Optional<Erasure> previous(UUID customerId) {
        return jdbc.sql("select id, erased_at, erased_by, counts from customer_erasures where subject_hash = ? "
                        + "order by erased_at desc limit 1")
                .param(hash(customerId))
                .query((rs, n) -> new Erasure(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), read(rs.getString(4))))
                .optional();
    }

    /** A random UUID's hash cannot be turned back into it, yet the id, when given again, finds its erasure. */
    private static String hash(UUID id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private String write(Map<String, Integer> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Integer> read(String counts) {
        try {
            return json.readValue(counts, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored erasure counts are not JSON", e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while erasing", e);
        }
    }
}
