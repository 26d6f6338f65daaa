package org.opensourceecology.incubator.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole application with profile {@code keycloak} against the real Keycloak server
 * ({@link KeycloakTestServer}), PostgreSQL and GreenMail. All tests with this annotation and no further
 * configuration share one Spring context (a second one beside {@link IntegrationTest}'s). Every test
 * method is bounded.
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
            // as @IntegrationTest: tests post far faster than a person
            "incubator.rate-limit.requests-per-window=100000"
        })
@ActiveProfiles("keycloak")
@TestExecutionListeners(listeners = SingleProcessEngine.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@ContextConfiguration(
        initializers = {SingleProcessEngine.class, KeycloakTestServer.class, PostgresTestDatabase.class, TestMail.class
        })
@Timeout(120)
public @interface KeycloakIntegrationTest {}
