package org.opensourceecology.incubator.process.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incubator.process.*}: who creates and upgrades Camunda's own tables.
 *
 * @param camundaSchema {@code engine}: the engine creates missing tables itself
 *     ({@code camunda.bpm.database.schema-update=true}, development and tests); {@code flyway}: versioned
 *     migrations recorded in {@value CamundaSchema#HISTORY_TABLE} create or upgrade them and the engine only
 *     checks ({@code schema-update=false}, the {@code prod} profile)
 */
@ConfigurationProperties("incubator.process")
record ProcessSettings(@DefaultValue("engine") CamundaSchemaOwner camundaSchema) {

    enum CamundaSchemaOwner {
        ENGINE,
        FLYWAY
    }
}
