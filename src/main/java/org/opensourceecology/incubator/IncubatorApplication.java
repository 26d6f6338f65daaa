package org.opensourceecology.incubator;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Distributive Enterprise Incubator: the Camunda engine, its webapps, the portal and the domain API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IncubatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncubatorApplication.class, args);
    }

    /** The one clock of the application; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
