package io.throughline.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.throughline.answer.Voice;
import io.throughline.knowledge.KnowledgeSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The files of {@code processes/} themselves: the engine parses each without a warning, each is drawn as Camunda
 * Modeler draws (every element once, shapes apart, flows with right-angled waypoints), every step names a delegate
 * that exists, every called process exists, and every phrase a {@code say} step names is in the voice.
 */
class JourneyFilesTest {

    private static final ProcessEngine ENGINE = engine();

    static Stream<Path> journeys() throws IOException {
        return Files.list(Path.of("processes")).filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
    }

    private static ProcessEngine engine() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        String name = "journey-files-" + UUID.randomUUID();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void theEngineParsesItWithoutWarnings(Path journey) throws IOException {
        var configuration = (ProcessEngineConfigurationImpl) ENGINE.getProcessEngineConfiguration();
        var parser = new BpmnParser(configuration.getExpressionManager(), WarningsKeptParse::new);
        byte[] bpmn = Files.readAllBytes(journey);

        WarningsKeptParse parse = configuration.getCommandExecutorTxRequired().execute(context -> {
            var deployment = new DeploymentEntity();
            deployment.setId("parse-check");
            var p = (WarningsKeptParse) parser.createParse().deployment(deployment).name(journey.toString())
                    .sourceInputStream(new ByteArrayInputStream(bpmn));
            p.execute();
            return p;
        });

        assertThat(parse.warnings()).isEmpty();
        assertThat(parse.getProcessDefinitions()).extracting("key")
                .containsExactly(journey.getFileName().toString().replace(".bpmn", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void itIsDrawnWithEveryElementOnceShapesApartAndRightAngledFlows(Path journey) {
        BpmnModelInstance model = Bpmn.readModelFromFile(journey.toFile());
        Bpmn.validateModel(model);
        List<FlowNode> nodes = List.copyOf(model.getModelElementsByType(FlowNode.class));
        List<SequenceFlow> flows = List.copyOf(model.getModelElementsByType(SequenceFlow.class));
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);

        List<String> drawn = new ArrayList<>();
        shapes.forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        edges.forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        assertThat(drawn).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                Stream.concat(nodes.stream(), flows.stream()).map(BaseElement::getId).toList());

        List<BpmnShape> all = List.copyOf(shapes);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                BpmnShape a = all.get(i);
                BpmnShape b = all.get(j);
                if (!attached(a, b)) {
                    assertThat(overlap(a.getBounds(), b.getBounds()))
                            .as(a.getBpmnElement().getId() + " overlaps " + b.getBpmnElement().getId()).isFalse();
                }
            }
        }
        for (BpmnEdge edge : edges) {
            List<Waypoint> points = List.copyOf(edge.getWaypoints());
            assertThat(points).as(edge.getBpmnElement().getId()).hasSizeGreaterThanOrEqualTo(2);
            for (int i = 1; i < points.size(); i++) {
                boolean straight = points.get(i).getX().equals(points.get(i - 1).getX())
                        || points.get(i).getY().equals(points.get(i - 1).getY());
                assertThat(straight).as(edge.getBpmnElement().getId() + " bends at a right angle only").isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void everyStepNamesADelegateThatExistsAndEveryCallAProcessThatExists(Path journey) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(journey.toFile());
        Set<String> beans = journeyBeans();
        Set<String> processes = new TreeSet<>();
        for (Path file : journeys().toList()) {
            processes.add(file.getFileName().toString().replace(".bpmn", ""));
        }

        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(beans).as(task.getId() + " in " + journey).contains(bean(task.getCamundaDelegateExpression()));
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            assertThat(beans).as(task.getId()).contains(bean(task.getCamundaDelegateExpression()));
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            assertThat(processes).as(call.getId() + " calls").contains(call.getCalledElement());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journeys")
    void everyPhraseASayStepNamesIsInTheVoice(Path journey) {
        BpmnModelInstance model = Bpmn.readModelFromFile(journey.toFile());
        Voice voice = new Voice(new KnowledgeSettings(Path.of("knowledge"), 800, 0.7, null));
        Map<String, Object> values = Map.of("kind", "demo", "slot", "Tue 3 Mar, 10:00", "slots", "1. Tue 3 Mar, 10:00",
                "plan", "Plus", "renewsOn", "2026-04-01", "done", 2, "total", 3, "nextOpeningText", "Tuesday 3 March at 09:00",
                "channel", "email");

        for (CamundaInputParameter phrase : model.getModelElementsByType(CamundaInputParameter.class)) {
            if (phrase.getCamundaName().equals(Journey.Var.PHRASE)) {
                List<String> names = phrase.getTextContent().startsWith("${")
                        ? List.of("askOrderNumber", "askDevice", "askError") // ${detailsQuestion}: see GatherDetails
                        : List.of(phrase.getTextContent());
                for (String name : names) {
                    assertThatCode(() -> assertThat(voice.say(name, values)).isNotBlank().doesNotContain("{"))
                            .as(name + " in " + journey).doesNotThrowAnyException();
                }
            }
        }
    }

    private static boolean attached(BpmnShape a, BpmnShape b) {
        return a.getBpmnElement() instanceof BoundaryEvent boundary && boundary.getAttachedTo() == b.getBpmnElement()
                || b.getBpmnElement() instanceof BoundaryEvent other && other.getAttachedTo() == a.getBpmnElement();
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static String bean(String delegateExpression) {
        assertThat(delegateExpression).startsWith("${").endsWith("}");
        return delegateExpression.substring(2, delegateExpression.length() - 1);
    }

    /** The names of the journey package's components, which the BPMN's delegate expressions use. */
    private static Set<String> journeyBeans() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<String> names = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("io.throughline.journey")) {
            try {
                Component component = Class.forName(candidate.getBeanClassName()).getAnnotation(Component.class);
                if (component != null && !component.value().isEmpty()) {
                    names.add(component.value());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    /** The engine's own BPMN parse, keeping the warnings it would otherwise only log. */
    private static final class WarningsKeptParse extends BpmnParse {

        WarningsKeptParse(BpmnParser parser) {
            super(parser);
        }

        List<String> warnings() {
            return warnings.stream().map(w -> w.getLine() + ":" + w.getColumn() + ": " + w.getMessage()).toList();
        }
    }
}
