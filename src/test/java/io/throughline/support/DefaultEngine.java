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

    /**
     * Also makes {@code engine} the one the webapps' login finds in the platform's container (where the first context
     * of the run may have left its own, closed since), until the returned handle is closed.
     */
    public static AutoCloseable forWebappLogin(ProcessEngine engine) {
        use(engine);
        var container = org.camunda.bpm.container.RuntimeContainerDelegate.INSTANCE.get();
        ProcessEngine previous = container.getProcessEngineService().getProcessEngine(engine.getName());
        if (previous == engine) {
            return () -> { };
        }
        if (previous != null) {
            container.unregisterProcessEngine(previous);
        }
        container.registerProcessEngine(engine);
        return () -> {
            container.unregisterProcessEngine(engine);
            if (previous != null) {
                container.registerProcessEngine(previous);
            }
        };
    }
}
