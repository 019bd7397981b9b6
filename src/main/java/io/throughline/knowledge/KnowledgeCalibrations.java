package io.throughline.knowledge;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

/** The stored {@link Calibration}s, one per content fingerprint. */
@Repository
public class KnowledgeCalibrations {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile Calibration inUse;

    /** Without transactions of its own: for tools and tests that work in autocommit. */
    public KnowledgeCalibrations(JdbcClient jdbc) {
        this(jdbc, null);
    }

    @Autowired
    public KnowledgeCalibrations(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = transactions == null ? null : new TransactionTemplate(transactions);
        if (ownTransaction != null) {
            ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    /** The calibration the answerer uses now on this node, if it has one yet. */
    public Optional<Calibration> inUse() {
        return Optional.ofNullable(inUse);
    }

    /** Tells which calibration the answerer now uses. */
    public void use(Calibration calibration) {
        inUse = calibration;
    }

    public Optional<Calibration> find(String fingerprint) {
        return jdbc.sql("""
                        select fingerprint, method, intercept, score_weight, margin_weight, probes, summary, millis,
                               created_at
                        from knowledge_calibrations where fingerprint = ?""")
                .param(fingerprint)
                .query((rs, row) -> new Calibration(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getInt(6), rs.getString(7), rs.getLong(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Keeps the first one stored for a fingerprint: another node fitting the same content got the same curve. */
    public void save(Calibration calibration) {
        if (find(calibration.fingerprint()).isPresent()) {
            return;
        }
        try {
            if (ownTransaction == null) {
                insert(calibration);
            } else {
                // in a transaction of its own: a calibration may be stored while a journey's job runs, and on PostgreSQL
                // a duplicate key (another node stored it first) aborts the whole transaction it happens in
                ownTransaction.executeWithoutResult(status -> insert(calibration));
            }
        } catch (DuplicateKeyException e) {
            // another node stored the same curve between the check and the insert
        }
    }

    private void insert(Calibration calibration) {
        jdbc.sql("""
                        insert into knowledge_calibrations (fingerprint, method, intercept, score_weight, margin_weight,
                            probes, summary, millis, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(calibration.fingerprint(), calibration.method(), calibration.intercept(),
                        calibration.scoreWeight(), calibration.marginWeight(), calibration.probes(),
                        summary(calibration.summary()), calibration.millis(),
                        calibration.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static String summary(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
