package org.opensourceecology.incubator;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure: no cycles, no reaching into another module's internals; and its documentation. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(IncubatorApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, "target/spring-modulith-docs")
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
