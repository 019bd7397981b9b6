package io.throughline.journey;

import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda creates its tables when it starts, and Flyway refuses to migrate a schema that is not empty. So the engine
 * waits for Flyway: Flyway migrates the domain tables into an empty schema first, then Camunda adds its own.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterFlyway {

    @Bean
    static BeanFactoryPostProcessor engineDependsOnFlyway() {
        return beanFactory -> dependOnFlyway(beanFactory);
    }

    private static void dependOnFlyway(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition("flywayInitializer")) {
            return;
        }
        for (Class<?> type : new Class<?>[] {ProcessEngineConfigurationImpl.class, ProcessEngine.class}) {
            for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] before = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                String[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = "flywayInitializer";
                definition.setDependsOn(after);
            }
        }
    }
}
