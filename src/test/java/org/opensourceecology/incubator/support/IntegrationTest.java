package org.opensourceecology.incubator.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole application on a random port against the real PostgreSQL server and a GreenMail SMTP
 * server. Every test with this annotation and no further configuration shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.job-execution.enabled=false",
            // The application builds its repositories on first use; the tests build them all at start-up,
            // so that every query is checked even where no test calls it.
            "spring.data.jpa.repositories.bootstrap-mode=default",
            // Tests post from one address far faster than a person; the limit itself is unit-tested.
            "incubator.rate-limit.requests-per-window=100000"
        })
@TestExecutionListeners(listeners = SingleProcessEngine.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@ContextConfiguration(initializers = {SingleProcessEngine.class, PostgresTestDatabase.class, TestMail.class})
public @interface IntegrationTest {}
