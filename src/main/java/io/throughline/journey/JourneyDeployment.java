package io.throughline.journey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} from disk at start-up, where CX designers edit them, together with the
 * engine's own wake-up process. Unchanged files make no new version; a file the engine cannot parse stops start-up
 * with its name and line.
 */
@Component
class JourneyDeployment {

    private static final Logger log = LoggerFactory.getLogger(JourneyDeployment.class);
    static final String WAKE_UP_RESOURCE = "journey/wake-up.bpmn";

    private final RepositoryService repository;
    private final JourneySettings settings;

    JourneyDeployment(RepositoryService repository, JourneySettings settings) throws IOException {
        this.repository = repository;
        this.settings = settings;
        deploy();
    }

    private void deploy() throws IOException {
        List<Path> processes = files(settings.processesDir(), ".bpmn");
        if (processes.isEmpty()) {
            throw new IllegalStateException("no journeys to deploy: put BPMN files in " + settings.processesDir().toAbsolutePath()
                    + " (or set throughline.journey.processes-dir)");
        }
        List<Path> forms = files(settings.formsDir(), ".form");
        DeploymentBuilder deployment = repository.createDeployment().name("throughline-journeys")
                .enableDuplicateFiltering(true);
        List<InputStream> opened = new ArrayList<>();
        try {
            for (Path file : concat(processes, forms)) {
                InputStream in = Files.newInputStream(file);
                opened.add(in);
                deployment.addInputStream(file.getFileName().toString(), in);
            }
            try (InputStream wakeUp = new ClassPathResource(WAKE_UP_RESOURCE).getInputStream()) {
                deployment.addInputStream("wake-up.bpmn", wakeUp);
                var deployed = deployment.deploy();
                log.info("journeys deployed from {} and {}: {} processes, {} forms (deployment {})", settings.processesDir(),
                        settings.formsDir(), processes.size(), forms.size(), deployed.getId());
            }
        } catch (ParseException e) {
            throw new InvalidJourneyException(describe(e), e);
        } finally {
            for (InputStream in : opened) {
                in.close();
            }
        }
    }

    /** Every error the engine found, as {@code file:line:column: message}. */
    private String describe(ParseException e) {
        List<String> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                Path dir = report.getResourceName().endsWith(".form") ? settings.formsDir() : settings.processesDir();
                problems.add(dir.resolve(report.getResourceName()) + ":" + problem.getLine() + ":" + problem.getColumn()
                        + ": " + problem.getMessage()
                        + (problem.getMainElementId() == null ? "" : " (element " + problem.getMainElementId() + ")"));
            }
        }
        return problems.isEmpty() ? e.getMessage() : String.join("\n", problems);
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
