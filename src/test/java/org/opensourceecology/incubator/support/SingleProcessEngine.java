package org.opensourceecology.incubator.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Makes {@code /engine-rest} use the application's engine in integration tests. The REST API looks
 * its engine up with {@code ProcessEngines.getDefaultProcessEngine()}, which, the first time, builds
 * an engine from any {@code camunda.cfg.xml} on the class path: in tests that is the in-memory engine
 * of the process tests, which would then silently replace the application's engine behind the REST
 * API. Initialising (and closing) it before the application starts keeps it out of the way.
 */
public class SingleProcessEngine implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicBoolean DONE = new AtomicBoolean();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // Before the first application context of the JVM, so no application engine is closed here.
        if (DONE.compareAndSet(false, true)) {
            ProcessEngines.init();
            List.copyOf(ProcessEngines.getProcessEngines().values()).forEach(ProcessEngine::close);
        }
    }
}
