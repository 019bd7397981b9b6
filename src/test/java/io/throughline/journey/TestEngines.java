package io.throughline.journey;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/** A fresh in-memory engine as the application configures it where deployments are concerned; the caller closes it. */
final class TestEngines {

    private TestEngines() {
    }

    static ProcessEngine inMemory() {
        String name = "journey-test-" + UUID.randomUUID();
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }

    /** Removes every deployment, so the next test starts from an empty repository. */
    static void undeployAll(ProcessEngine engine) {
        var repository = engine.getRepositoryService();
        repository.createDeploymentQuery().list().forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    }
}
