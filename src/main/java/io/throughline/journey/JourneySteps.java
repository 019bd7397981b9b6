package io.throughline.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricActivityStatistics;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What the engine's history says about the journeys, read only, as plain records: for insights, which may not import
 * Camunda. Counts come from the engine's activity statistics (Cockpit's numbers); times waited from the most recent
 * {@value #SAMPLE} finished steps of the time range, so a step's median is exact for small volumes and a sample for
 * large ones.
 */
@Component
public class JourneySteps {

    static final int SAMPLE = 5_000;

    public record Journey(String key, String name, int version) {}

    /**
     * One BPMN element of a journey, over the process instances started in the time range.
     *
     * @param visits                   times it was reached (a loop reaches a step more than once per conversation)
     * @param waitingNow               instances there now
     * @param completed                times it was completed and the journey went on
     * @param left                     times it was left without completing: a timer or another event took over, or the
     *                                 instance was cancelled (where conversations were abandoned)
     * @param endedHere                times an instance ended here (end events)
     * @param sampled                  finished or left visits the wait times were taken from
     * @param longestWaitingNowSeconds how long the oldest instance there now has waited
     */
    public record Step(String activityId, String name, String type, long visits, long waitingNow, long completed,
                       long left, long endedHere, long sampled, Double medianWaitSeconds, Double p90WaitSeconds,
                       Double longestWaitingNowSeconds) {}

    public record Stats(String key, Instant from, Instant to, long started, long completed, long running,
                        List<Step> steps) {}

    private final RepositoryService repository;
    private final HistoryService history;
    private final TaskService tasks;

    public JourneySteps(RepositoryService repository, HistoryService history, TaskService tasks) {
        this.repository = repository;
        this.history = history;
        this.tasks = tasks;
    }

    /** The journeys deployed, by key (the engine's own wake-up process left out). */
    public List<Journey> journeys() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(definition -> !definition.getKey().equals(Journeys.WAKE_UP_KEY))
                .map(definition -> new Journey(definition.getKey(),
                        definition.getName() == null ? definition.getKey() : definition.getName(),
                        definition.getVersion()))
                .sorted(Comparator.comparing(Journey::key))
                .toList();
    }

    /** The BPMN XML of the journey's latest version, to draw. */
    public Optional<String> diagram(String processKey) {
        return latest(processKey).map(definition -> {
            try (InputStream xml = repository.getProcessModel(definition.getId())) {
                return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every step reached by instances of the journey (all its versions) started in {@code [from, to)}. */
    public Optional<Stats> activityStats(String processKey, Instant from, Instant to) {
        List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion().desc().list();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Date after = Date.from(from);
        Date before = Date.from(to.minusMillis(1)); // the engine's bound is inclusive
        Map<String, long[]> counts = new LinkedHashMap<>(); // running, finished, canceled, complete scope
        for (ProcessDefinition version : versions) {
            for (HistoricActivityStatistics s : history.createHistoricActivityStatisticsQuery(version.getId())
                    .includeFinished().includeCanceled().includeCompleteScope()
                    .startedAfter(after).startedBefore(before).list()) {
                long[] c = counts.computeIfAbsent(s.getId(), id -> new long[4]);
                c[0] += s.getInstances();
                c[1] += s.getFinished();
                c[2] += s.getCanceled();
                c[3] += s.getCompleteScope();
            }
        }
        Map<String, List<Long>> waits = new HashMap<>();
        Map<String, Instant> oldestWaiting = new HashMap<>();
        Map<String, String[]> described = new HashMap<>();
        int sampled = 0;
        for (ProcessDefinition version : versions) {
            if (sampled >= SAMPLE) {
                break;
            }
            List<HistoricActivityInstance> recent = history.createHistoricActivityInstanceQuery()
                    .processDefinitionId(version.getId()).finished().startedAfter(after).startedBefore(before)
                    .orderByHistoricActivityInstanceStartTime().desc().listPage(0, SAMPLE - sampled);
            for (HistoricActivityInstance step : recent) {
                waits.computeIfAbsent(step.getActivityId(), id -> new ArrayList<>()).add(step.getDurationInMillis());
                described.putIfAbsent(step.getActivityId(), new String[] {step.getActivityName(), step.getActivityType()});
            }
            sampled += recent.size();
        }
        for (ProcessDefinition version : versions) {
            for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
                    .processDefinitionId(version.getId()).unfinished().startedAfter(after).startedBefore(before)
                    .orderByHistoricActivityInstanceStartTime().asc().listPage(0, SAMPLE)) {
                oldestWaiting.putIfAbsent(step.getActivityId(), step.getStartTime().toInstant());
                described.putIfAbsent(step.getActivityId(), new String[] {step.getActivityName(), step.getActivityType()});
            }
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(versions.get(0).getId());
        Instant now = ClockUtil.getCurrentTime().toInstant(); // the engine's clock, which process tests move
        List<Step> steps = new ArrayList<>();
        counts.forEach((id, c) -> {
            List<Long> w = waits.getOrDefault(id, List.of());
            String[] what = describe(model, id, described.get(id));
            Instant oldest = oldestWaiting.get(id);
            steps.add(new Step(id, what[0], what[1], c[0] + c[1], c[0], c[1] - c[2], c[2], c[3], w.size(),
                    percentile(w, 0.5), percentile(w, 0.9),
                    oldest == null ? null : Math.max(0, now.toEpochMilli() - oldest.toEpochMilli()) / 1000.0));
        });
        steps.sort(Comparator.comparing(Step::activityId));
        long started = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .startedAfter(after).startedBefore(before).count();
        long running = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .startedAfter(after).startedBefore(before).unfinished().count();
        return Optional.of(new Stats(processKey, from, to, started, started - running, running, steps));
    }

    /** Open user tasks per candidate group (queue), claimed or not. */
    public Map<String, Long> waitingTasks(Collection<String> queues) {
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (String queue : queues) {
            waiting.put(queue, tasks.createTaskQuery().taskCandidateGroup(queue).includeAssignedTasks().count());
        }
        return waiting;
    }

    /** Open user tasks, all queues. */
    public long waitingTasks() {
        return tasks.createTaskQuery().count();
    }

    private Optional<ProcessDefinition> latest(String processKey) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult());
    }

    /** Name and BPMN type: from the latest model, else from what the history recorded. */
    private static String[] describe(BpmnModelInstance model, String id, String[] recorded) {
        ModelElementInstance element = model.getModelElementById(id);
        if (element != null) {
            String name = element.getAttributeValue("name");
            return new String[] {name == null ? id : name.strip(), element.getElementType().getTypeName()};
        }
        return recorded == null ? new String[] {id, null}
                : new String[] {recorded[0] == null ? id : recorded[0], recorded[1]};
    }

    private static Double percentile(List<Long> millis, double p) {
        if (millis.isEmpty()) {
            return null;
        }
        long[] sorted = millis.stream().mapToLong(m -> m == null ? 0 : m).sorted().toArray();
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }
}
