package org.opensourceecology.incubator.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The engine of the process tests: in-memory H2, job executor off, mockable delegates, coverage.
 *
 * <p>Its configuration is deliberately not named {@code camunda.cfg.xml}: Camunda's REST API looks
 * that name up on the classpath and would then serve a second, in-memory engine inside the
 * integration tests instead of the application's.
 */
public final class ProcessTestEngine {

    public static final String CONFIGURATION = "process-test-engine.cfg.xml";

    private ProcessTestEngine() {}

    /** An extension that fails the test class unless its tests together cover every element. */
    public static ProcessEngineCoverageExtension withFullCoverage() {
        return ProcessEngineCoverageExtension.builder(CONFIGURATION)
                .assertClassCoverageAtLeast(1.0)
                .build();
    }

    /** Runs the asynchronous continuations until none are left (they may create more); timers stay. */
    public static void executeAsyncContinuations(ManagementService management) {
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().messages().list()).isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
