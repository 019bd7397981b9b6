package io.throughline.startup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.throughline.ThroughlineApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A CX designer's broken rule or journey stops start-up with the file and line, instead of running half a system. */
class BrokenFilesStopStartupTest {

    @TempDir
    Path dir;

    @Test
    void aDrlWithASyntaxErrorStopsStartUpNamingFileAndLine() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), """
                package io.throughline.rules.broken
                import io.throughline.decision.AnswerFacts;

                rule "a comparison with nothing to compare"
                    when
                        AnswerFacts( confidence > )
                    then
                end
                """);

        assertThatThrownBy(() -> start("--throughline.rules.dir=" + rules))
                .hasStackTraceContaining("broken.drl:6");
    }

    @Test
    void aBpmnTheEngineCannotParseStopsStartUpNamingFileAndLine() throws IOException {
        Path processes = Files.createDirectories(dir.resolve("processes"));
        Files.writeString(processes.resolve("broken.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="nowhere" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        assertThatThrownBy(() -> start("--throughline.journey.processes-dir=" + processes))
                .hasStackTraceContaining("broken.bpmn:5");
    }

    private void start(String setting) {
        new SpringApplicationBuilder(ThroughlineApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:broken-" + System.nanoTime(), "--throughline.demo-user=false",
                "--camunda.bpm.job-execution.enabled=false", setting).close();
    }
}
