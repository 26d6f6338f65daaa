package org.opensourceecology.incubator.process.internal;

import org.camunda.bpm.spring.boot.starter.rest.spi.SpringBootProcessEngineProvider;

/**
 * How Camunda's REST API finds the engine: through the engines registered with {@code ProcessEngines},
 * as the Spring Boot starter's provider does.
 *
 * <p>The REST API asks {@code ServiceLoader} for a provider on every resource of every request and takes
 * the first one on the class path. That was the webapps' {@code ContainerManagedProcessEngineProvider},
 * whose jar comes before the starter's: it looks the engine up in the platform's JMX service container,
 * parsing an {@code ObjectName} each time, after a search of the jars in front of it. This provider is
 * listed in the application's own {@code META-INF/services}, which comes first on the class path, so
 * the search ends at once and the lookup is a map read. Both find the same engine.
 */
public class EngineRestProcessEngineProvider extends SpringBootProcessEngineProvider {}
