package org.opensourceecology.incubator.identity.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RateLimitConfiguration {

    /** Runs before Spring Security, so a flood is turned away before any password check. */
    @Bean
    FilterRegistrationBean<PublicPostRateLimitFilter> publicPostRateLimit(RateLimitSettings settings, Clock clock) {
        var registration = new FilterRegistrationBean<>(new PublicPostRateLimitFilter(settings, clock));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
