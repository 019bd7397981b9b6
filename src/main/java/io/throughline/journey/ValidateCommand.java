package io.throughline.journey;

import io.throughline.decision.RulesCheck;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * {@code java -jar throughline.jar validate [--processes DIR] [--rules DIR] [--forms DIR]}: checks journeys, rules and
 * forms as start-up would, without starting the application. The journeys go to a throwaway in-memory engine (so
 * expressions and Camunda attributes are parsed as in production), the rules are compiled, the forms checked. Prints
 * one {@code file:line: message} per problem; exits 0 when all is valid, 1 when not, 2 on a usage error.
 */
public final class ValidateCommand {

    public static final String NAME = "validate";
    static final String USAGE = "usage: validate [--processes DIR] [--rules DIR] [--forms DIR] | validate --drl TABLE";

    private ValidateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** @param args the arguments after {@code validate} (a leading {@code validate} is skipped too) */
    public static int run(String[] args, PrintStream out) {
        LoggingSystem logging = LoggingSystem.get(ValidateCommand.class.getClassLoader());
        var root = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME);
        // the command's output is its report: the libraries' own logging (engine start, Drools' copy of each error) is off
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.OFF);
        try {
            return validate(args, out);
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, root == null ? null : root.getConfiguredLevel());
        }
    }

    private static int validate(String[] args, PrintStream out) {
        Map<String, Path> dirs;
        try {
            dirs = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (dirs.containsKey("drl")) {
            return printDrl(dirs.get("drl"), out);
        }
        Path processes = dirs.get("processes");
        Path rules = dirs.get("rules");
        Path forms = dirs.get("forms");
        List<String> problems = new ArrayList<>();
        var settings = new JourneySettings(processes, forms, "PT24H");
        problems.addAll(journeyProblems(settings));
        problems.addAll(RulesCheck.problems(rules));
        problems.forEach(out::println);
        int bpmn = JourneyDeployment.files(processes, ".bpmn").size();
        int form = JourneyDeployment.files(forms, ".form").size();
        int rule = RulesCheck.files(rules).size();
        String checked = bpmn + " BPMN in " + processes + ", " + rule + " rule files in " + rules + ", " + form
                + " forms in " + forms;
        if (problems.isEmpty()) {
            out.println("valid: " + checked);
            return 0;
        }
        out.println("invalid: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " (checked "
                + checked + ")");
        return 1;
    }

    private static List<String> journeyProblems(JourneySettings settings) {
        ProcessEngine engine = throwawayEngine();
        try {
            var journeys = new JourneyDeployment(engine.getRepositoryService(), settings, false);
            List<String> problems = new ArrayList<>(journeys.formProblems());
            problems.addAll(journeys.deployToEngine());
            return problems;
        } finally {
            engine.close();
        }
    }

    /** Mirrors the application's engine where parsing depends on it: history time to live is enforced. */
    private static ProcessEngine throwawayEngine() {
        String name = "validate-" + UUID.randomUUID();
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setMetricsEnabled(false);
        return configuration.buildProcessEngine();
    }

    private static int printDrl(Path table, PrintStream out) {
        if (!Files.isRegularFile(table)) {
            out.println(table + ": no such decision table");
            return 2;
        }
        try {
            out.print(RulesCheck.generatedDrl(table));
            return 0;
        } catch (RuntimeException e) {
            out.println(e.getMessage());
            return 1;
        }
    }
}
