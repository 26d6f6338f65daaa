package org.opensourceecology.incubator.identity.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The sessions that every node shares (Spring Session JDBC, set up by Spring Boot) record their last
 * access at most once a minute, and Camunda's webapp login only when it changed ({@link
 * CoarseAccessTimeSessionRepository}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** How old a session's stored last access time may be before a request writes it again. */
    static final Duration LAST_ACCESS_RESOLUTION = Duration.ofMinutes(1);

    /**
     * Wraps Spring Boot's repository rather than declaring one: Boot sets the JDBC repository up only
     * while no other session repository exists. The repository's own lifecycle (its expired-session
     * cleanup) stays with the wrapped bean.
     */
    @Bean
    static BeanPostProcessor coarseSessionAccessTime() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions
                        ? new CoarseAccessTimeSessionRepository<>(
                                sessions,
                                LAST_ACCESS_RESOLUTION,
                                Set.of(CoarseAccessTimeSessionRepository.CAMUNDA_WEBAPP_USER))
                        : bean;
            }
        };
    }
}
