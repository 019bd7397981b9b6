package io.throughline.customer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.throughline.conversation.ConversationModule;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer module with the conversation module beside it, put together by hand on a database migrated with the
 * application's own migrations: no Spring context, so the same tests run on H2 and on PostgreSQL in seconds. Every
 * call a test makes runs in a transaction of its own, as it would in the application.
 */
final class CustomerModule {

    final JdbcClient jdbc;
    final Customers customers;
    final ConversationModule conversation;
    final CustomerMerges merges;
    final IdentityLinks links;
    final List<Object> events = new CopyOnWriteArrayList<>();
    private final TransactionTemplate transactions;

    private CustomerModule(DataSource dataSource) throws Exception {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        InsertIfAbsent insertIfAbsent = new InsertIfAbsent(jdbc, dataSource);
        customers = new Customers(jdbc, insertIfAbsent, json);
        conversation = new ConversationModule(jdbc, customers, new Consents(jdbc, insertIfAbsent), events::add);
        merges = new CustomerMerges(jdbc, customers, List.of(conversation.merging), events::add, json);
        links = new IdentityLinks(jdbc, customers, insertIfAbsent, merges);
    }

    static CustomerModule onH2() throws Exception {
        return new CustomerModule(new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:customers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    static CustomerModule on(String url, String user, String password) throws Exception {
        return new CustomerModule(new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password));
    }

    IdentityProofs proofs(Clock clock) {
        return new IdentityProofs(jdbc, links, clock);
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    <E> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
