package org.opensourceecology.incubator.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the REST API and the webapps of a test's Spring context use that context's engine. They look
 * engines up by name ("default") in the static {@link ProcessEngines} registry, which all contexts of a
 * test run share: a second context (e.g. {@link KeycloakIntegrationTest}'s) replaces the first one's
 * entry, a closed context removes it, and a lookup in an uninitialized registry scans the classpath for
 * {@code camunda.cfg.xml} and builds the process tests' in-memory engine instead. So: mark the registry
 * initialized (no scan), and register the context's engine again before every test method.
 */
public class SingleProcessEngine extends ProcessEngines
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, TestExecutionListener, Ordered {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        markInitialized();
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext
                    .getApplicationContext()
                    .getBeanProvider(ProcessEngine.class)
                    .ifAvailable(ProcessEngines::registerProcessEngine);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static synchronized void markInitialized() {
        isInitialized = true;
    }
}
