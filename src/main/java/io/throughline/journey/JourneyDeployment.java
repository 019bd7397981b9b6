package io.throughline.journey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} from disk, where CX designers edit them, together with the engine's own
 * wake-up process: at start-up, and again whenever {@link LiveReload} sees a change. The forms are checked first and a
 * file the engine cannot parse is named with its line; at start-up either stops the application, later the running
 * version stays. Nothing changed, nothing deployed; anything changed, everything deployed anew, because a task's
 * {@code camunda-forms:deployment:} form must be in the same deployment as its process.
 */
@Component
class JourneyDeployment {

    private static final Logger log = LoggerFactory.getLogger(JourneyDeployment.class);
    static final String WAKE_UP_RESOURCE = "journey/wake-up.bpmn";
    static final String DEPLOYMENT_NAME = "throughline-journeys";

    private final RepositoryService repository;
    private final JourneySettings settings;

    @Autowired
    JourneyDeployment(RepositoryService repository, JourneySettings settings) {
        this(repository, settings, true);
    }

    /** @param deployNow deploy at once and stop on a problem, as start-up does */
    JourneyDeployment(RepositoryService repository, JourneySettings settings, boolean deployNow) {
        this.repository = repository;
        this.settings = settings;
        if (deployNow) {
            List<String> problems = deploy();
            if (!problems.isEmpty()) {
                throw new InvalidJourneyException(problems, null);
            }
        }
    }

    JourneySettings settings() {
        return settings;
    }

    /** Checks the forms, then deploys; returns every problem as {@code file:line:column: message}, none when deployed. */
    List<String> deploy() {
        List<String> problems = formProblems();
        return problems.isEmpty() ? deployToEngine() : problems;
    }

    /** The forms of {@code forms/}, and every form a process in {@code processes/} refers to. */
    List<String> formProblems() {
        List<String> problems = new ArrayList<>();
        List<Path> forms = forms();
        for (Path form : forms) {
            problems.addAll(FormCheck.problems(form));
        }
        problems.addAll(FormReferences.problems(processes(), forms, settings.formsDir()));
        return problems;
    }

    /** Hands processes and forms to the engine, which parses them (expressions and Camunda attributes included). */
    List<String> deployToEngine() {
        List<Path> processes = processes();
        if (processes.isEmpty()) {
            return List.of(settings.processesDir() + ": no journeys to deploy: put BPMN files in "
                    + settings.processesDir().toAbsolutePath() + " (or set throughline.journey.processes-dir)");
        }
        List<Path> forms = forms();
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME).enableDuplicateFiltering(false);
        try {
            for (Path file : concat(processes, forms)) {
                deployment.addInputStream(file.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(file)));
            }
            try (InputStream wakeUp = new ClassPathResource(WAKE_UP_RESOURCE).getInputStream()) {
                deployment.addInputStream("wake-up.bpmn", wakeUp);
                var deployed = deployment.deploy();
                log.info("journeys deployed from {} and {}: {} processes, {} forms (deployment {})",
                        settings.processesDir(), settings.formsDir(), processes.size(), forms.size(), deployed.getId());
            }
            return List.of();
        } catch (ParseException e) {
            return describe(e);
        } catch (ProcessEngineException e) {
            return List.of(QuotedSource.locate(e.getMessage(), processes) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journeys in " + settings.processesDir(), e);
        }
    }

    List<Path> processes() {
        return files(settings.processesDir(), ".bpmn");
    }

    List<Path> forms() {
        return files(settings.formsDir(), ".form");
    }

    /** Every error the engine found, as {@code file:line:column: message} (Camunda spells the getter "Resorce"). */
    private List<String> describe(ParseException e) {
        List<String> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                Path dir = report.getResourceName().endsWith(".form") ? settings.formsDir() : settings.processesDir();
                problems.add(dir.resolve(report.getResourceName()) + ":" + problem.getLine() + ":" + problem.getColumn()
                        + ": " + problem.getMessage()
                        + (problem.getMainElementId() == null ? "" : " (element " + problem.getMainElementId() + ")"));
            }
        }
        return problems.isEmpty() ? List.of(settings.processesDir() + ":0: " + e.getMessage()) : problems;
    }

    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(suffix)).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
