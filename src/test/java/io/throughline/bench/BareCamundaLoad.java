package io.throughline.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The same engine work per message as the app's journey, with no Throughline code: a standalone Camunda engine on its
 * own PostgreSQL database, configured like the app's (job executor on with the app's pool and acquisition settings,
 * history audit, UUID ids, a Hikari pool of 10), running a no-op process shaped like {@code general-support}:
 * start, async read, three no-op steps, async send, then an event-based wait on {@code CustomerWrote} (or a 24 h timer).
 * Each visitor starts one instance for its first message and correlates {@code CustomerWrote} for every next one.
 * (The app does a little more engine work per next message: accept starts a one-step wake-up instance, whose async job
 * then correlates; here the correlation is direct, in the visitor's thread.)
 * <p>
 * The instance "waits again" when the transaction that reached the event-based gateway has committed: an execution
 * listener on the gateway registers a commit listener, which hands the commit time to the waiting visitor (that is what
 * the app's stream does for its reply). The visitor then confirms with an execution query on the message subscription,
 * and polls it if the signal never comes; polling alone, at a fine enough interval for 20 visitors, would itself load
 * the shared cores.
 */
final class BareCamundaLoad implements AutoCloseable {

    static final String PROCESS = "bare";
    static final String MESSAGE = "CustomerWrote";

    /** Business key -> the visitor waiting for that instance to reach the wait (completed with the commit's nanoTime). */
    private static final Map<String, CompletableFuture<Long>> WAITERS = new ConcurrentHashMap<>();

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final int concurrency;
    private final Duration timeout;

    BareCamundaLoad(String jdbcUrl, String user, String password, int concurrency, Duration timeout) {
        this.concurrency = concurrency;
        this.timeout = timeout;
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(10); // Spring Boot's default, as in the app
        pool.setPoolName("bare-camunda");
        dataSource = new HikariDataSource(pool);

        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setProcessEngineName("bare-" + UUID.randomUUID());
        config.setDataSource(dataSource);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        config.setIdGenerator(new StrongUuidGenerator()); // the Spring Boot starter's default
        config.setEnforceHistoryTimeToLive(true);
        DefaultJobExecutor jobs = new DefaultJobExecutor();
        // the app's camunda.bpm.job-execution settings (application.yml), and the starter's defaults for the rest
        jobs.setCorePoolSize(4);
        jobs.setMaxPoolSize(10);
        jobs.setQueueSize(3);
        jobs.setMaxJobsPerAcquisition(3);
        jobs.setWaitTimeInMillis(500);
        jobs.setMaxWait(5000);
        jobs.setLockTimeInMillis(60_000);
        config.setJobExecutor(jobs);
        config.setJobExecutorActivate(true);
        engine = config.buildProcessEngine();
        runtime = engine.getRuntimeService();
        engine.getRepositoryService().createDeployment().name(PROCESS)
                .addModelInstance(PROCESS + ".bpmn", model()).deploy();
    }

    /** start -> async read -> classify, find, decide (no-ops) -> async send -> event-based wait (message or 24 h). */
    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(180)
                .startEvent("start")
                .serviceTask("read").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("classify").camundaExpression("${true}")
                .serviceTask("find").camundaExpression("${true}")
                .serviceTask("decide").camundaExpression("${true}")
                .serviceTask("send").camundaAsyncBefore().camundaExpression("${true}")
                .eventBasedGateway().id("wait").camundaExecutionListenerClass(ExecutionListener.EVENTNAME_START,
                        WaitReached.class.getName())
                .intermediateCatchEvent("wroteAgain").message(MESSAGE)
                .connectTo("read")
                .moveToNode("wait")
                .intermediateCatchEvent("quiet").timerWithDuration("${idleTimeout}")
                .endEvent("resolved")
                .done();
    }

    /** Tells the visitor waiting on this instance, once the transaction that reached the wait has committed. */
    public static final class WaitReached implements ExecutionListener {
        @Override
        public void notify(DelegateExecution execution) {
            String key = execution.getProcessBusinessKey();
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> {
                        long now = System.nanoTime();
                        CompletableFuture<Long> waiter = WAITERS.remove(key);
                        if (waiter != null) {
                            waiter.complete(now);
                        }
                    });
        }
    }

    /** Sends {@code messages} messages from K fresh visitors, each waiting for its instance to wait again. */
    Result run(String label, int messages) throws Exception {
        Result result = new Result(label, concurrency);
        AtomicInteger tickets = new AtomicInteger(messages);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(pool.submit(() -> visitor(tickets, result)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            result.wallNanos = System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return result;
    }

    private void visitor(AtomicInteger tickets, Result result) {
        String key = null;
        while (tickets.getAndDecrement() > 0 && !Thread.currentThread().isInterrupted()) {
            boolean first = key == null;
            if (first) {
                key = UUID.randomUUID().toString();
            }
            CompletableFuture<Long> waiting = new CompletableFuture<>();
            WAITERS.put(key, waiting);
            result.sent.incrementAndGet();
            long start = System.nanoTime();
            try {
                if (first) {
                    runtime.startProcessInstanceByKey(PROCESS, key, Map.of("conversationId", key,
                            "customerId", UUID.randomUUID().toString(), "idleTimeout", "PT24H", "withAgent", false));
                } else {
                    runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(key).correlate();
                }
                result.accept.record(start);
                result.accepted.incrementAndGet();
                long reached = waiting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!waitsAtMessage(key)) {
                    result.error("signalled, but no message subscription yet");
                    if (!pollUntilWaiting(key)) {
                        result.error("instance never waited again");
                        key = null;
                        continue;
                    }
                    reached = System.nanoTime();
                }
                result.roundTrip.record(start, reached);
                result.completed.incrementAndGet();
            } catch (TimeoutException late) {
                WAITERS.remove(key);
                if (pollUntilWaiting(key)) {
                    result.error("commit signal missed (polled)");
                    result.completed.incrementAndGet();
                } else {
                    result.error("not waiting again within " + timeout.toSeconds() + " s");
                    key = null;
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                WAITERS.remove(key);
                result.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                key = null;
            }
        }
    }

    private boolean waitsAtMessage(String key) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(key).messageEventSubscriptionName(MESSAGE)
                .count() > 0;
    }

    private boolean pollUntilWaiting(String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (waitsAtMessage(key)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            dataSource.close();
        }
    }
}
