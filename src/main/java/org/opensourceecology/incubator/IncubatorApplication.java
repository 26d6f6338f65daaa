package org.opensourceecology.incubator;

import java.time.Clock;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** The Distributive Enterprise Incubator: the Camunda engine, its webapps, the portal and the domain API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IncubatorApplication {

    public static void main(String[] args) {
        nameTheJdksDatatypeFactory();
        SpringApplication.run(IncubatorApplication.class, args);
    }

    /**
     * Names the JDK's own {@link DatatypeFactory} implementation, unless the JVM was told another. Camunda
     * asks JAXP for a new factory for every timer it schedules (two per milestone submission), and without
     * the property JAXP looks for a provider through every jar of the classpath (a {@code ServiceLoader}
     * scan of 180 jars) each time: 2.4% of a journey step's request-thread CPU (bench/run, flight
     * recording). No jar of the application provides one, so the factory is the one JAXP found before.
     */
    static void nameTheJdksDatatypeFactory() {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(
                    DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }

    /**
     * No rewriting of page links to versioned resource URLs. Spring Boot registers this filter because
     * WebJars are on the classpath, and it then looks every Thymeleaf link up as a static resource,
     * through each of the classpath's jars, uncached when it is not one: 40% of the CPU of the task
     * list pages in the benchmark. The portal uses no versioning strategy; version-less WebJar links
     * ({@code /webjars/leaflet/dist/leaflet.js}) are still served.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** The one clock of the application; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
