package io.throughline.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * Camunda's REST API and webapps look engines up in a JVM-wide registry by name, and every cached Spring test context
 * registers its engine as "default": the context started last wins. A test that calls {@code /engine-rest} or Tasklist
 * of its own context makes that context's engine the default first.
 */
public final class DefaultEngine {

    private DefaultEngine() {
    }

    public static void use(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
    }
}
