package io.throughline.journey;

import io.throughline.decision.Decider;
import io.throughline.decision.InvalidRulesException;
import io.throughline.decision.RulesCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes a CX designer's change while the application runs: every {@code reload-interval} it looks at {@code rules/},
 * {@code processes/} and {@code forms/}; a settled change is validated and, only when valid, put in force (the rules
 * swapped in the {@link Decider}, the journeys deployed as a new version). A change that does not validate is logged
 * with file and line, and the running version stays.
 */
@Component
class LiveReload implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveReload.class);

    /** What one look did about one folder group: the files that changed and the problems, none when put in force. */
    record Reloaded(String what, Set<Path> changed, List<String> problems) {

        boolean applied() {
            return problems.isEmpty();
        }
    }

    private final Decider decider;
    private final JourneyDeployment journeys;
    private final ReloadSettings settings;
    private final FolderWatch rules;
    private final FolderWatch processesAndForms;
    private ScheduledExecutorService looker;

    LiveReload(Decider decider, JourneyDeployment journeys, ReloadSettings settings) {
        this.decider = decider;
        this.journeys = journeys;
        this.settings = settings;
        Path rulesDir = decider.rulesDir();
        this.rules = new FolderWatch(() -> RulesCheck.files(rulesDir));
        this.processesAndForms = new FolderWatch(() -> {
            List<Path> files = new ArrayList<>(journeys.processes());
            files.addAll(journeys.forms());
            return files;
        });
    }

    /** One look at the folders; runs on the reload thread, and directly in tests. */
    synchronized List<Reloaded> look() {
        List<Reloaded> done = new ArrayList<>();
        Set<Path> changedRules = rules.settledChanges();
        if (!changedRules.isEmpty()) {
            done.add(reloadRules(changedRules));
        }
        Set<Path> changedJourneys = processesAndForms.settledChanges();
        if (!changedJourneys.isEmpty()) {
            done.add(redeployJourneys(changedJourneys));
        }
        return done;
    }

    private Reloaded reloadRules(Set<Path> changed) {
        try {
            long count = decider.reload();
            log.info("rules reloaded after a change to {}: {} rules in force", changed, count);
            return new Reloaded("rules", changed, List.of());
        } catch (InvalidRulesException e) {
            log.error("rules changed ({}) but do not compile; the running rules stay:\n  {}", changed,
                    String.join("\n  ", e.getProblems()));
            return new Reloaded("rules", changed, e.getProblems());
        }
    }

    private Reloaded redeployJourneys(Set<Path> changed) {
        List<String> problems = journeys.deploy();
        if (problems.isEmpty()) {
            log.info("journeys redeployed after a change to {}: new conversations take the new version", changed);
        } else {
            log.error("journeys changed ({}) but do not validate; the running version stays:\n  {}", changed,
                    String.join("\n  ", problems));
        }
        return new Reloaded("journeys", changed, problems);
    }

    @Override
    public synchronized void start() {
        Duration interval = settings.reloadInterval();
        looker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "throughline-reload");
            thread.setDaemon(true);
            return thread;
        });
        looker.scheduleWithFixedDelay(this::lookSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("watching {}, {} and {} for changes every {}", decider.rulesDir(), journeys.settings().processesDir(),
                journeys.settings().formsDir(), interval.toString().substring(2).toLowerCase());
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            log.error("looking for changed rules and journeys failed; trying again in {}", settings.reloadInterval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (looker != null) {
            looker.shutdownNow();
            looker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return looker != null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.reload();
    }
}
