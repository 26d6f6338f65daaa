package org.opensourceecology.incubator.support;

import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keeps the application's engine the only one. The REST API and the webapps look engines up through
 * {@link ProcessEngines}, whose first lookup scans the classpath for {@code camunda.cfg.xml}: in tests
 * that finds the process tests' in-memory engine, which then replaces the application's engine named
 * "default" for every REST and webapp request. Marking the registry as initialized skips that scan
 * (the Spring Boot engine registers itself).
 */
public class SingleProcessEngine extends ProcessEngines
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        markInitialized();
    }

    private static synchronized void markInitialized() {
        isInitialized = true;
    }
}
