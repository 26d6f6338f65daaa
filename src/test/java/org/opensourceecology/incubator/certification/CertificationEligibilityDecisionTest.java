package org.opensourceecology.incubator.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code certification-eligibility.dmn} (hit policy COLLECT). */
class CertificationEligibilityDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = CertificationEligibilityDecisionTest.class
                .getClassLoader()
                .getResourceAsStream("processes/certification-eligibility.dmn")) {
            decision = dmn.parseDecision(CertificationProcess.DECISION_ELIGIBILITY, in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all met after training          | true  | false | 1 | 3  | 0.9  | true  | true  | true  | Every certification criterion is met.
            all met with prior experience   | false | true  | 2 | 10 | 1.0  | true  | true  | true  | Every certification criterion is met.
            no training, no experience      | false | false | 1 | 3  | 1.0  | true  | true  | false | Complete the immersion training
            no verified run                 | true  | false | 0 | 3  | 1.0  | true  | true  | false | At least one production run
            too few units                   | true  | false | 1 | 2  | 1.0  | true  | true  | false | At least 3 units
            QC pass rate below 90 %         | true  | false | 1 | 5  | 0.89 | true  | true  | false | At least 90%
            documentation not published     | true  | false | 1 | 5  | 1.0  | false | true  | false | Publish the in-process documentation
            licence not open                | true  | false | 1 | 5  | 1.0  | true  | false | false | must be published under open licences
            """)
    void decidesEachCriterion(
            String name,
            boolean trainingCompleted,
            boolean priorExperienceDeclared,
            int verifiedRuns,
            int unitsBuilt,
            double qcPassRate,
            boolean documentationPublished,
            boolean licenceOpen,
            boolean expectedEligible,
            String expectedReason) {
        var result = dmn.evaluateDecisionTable(
                decision,
                Variables.createVariables()
                        .putValue("trainingCompleted", trainingCompleted)
                        .putValue("priorExperienceDeclared", priorExperienceDeclared)
                        .putValue("verifiedRuns", verifiedRuns)
                        .putValue("unitsBuilt", unitsBuilt)
                        .putValue("qcPassRate", qcPassRate)
                        .putValue("documentationPublished", documentationPublished)
                        .putValue("licenceOpen", licenceOpen));

        List<Boolean> eligible = result.collectEntries("eligible");
        List<String> reasons = result.collectEntries("reason");
        assertThat(eligible).hasSize(1).containsOnly(expectedEligible);
        assertThat(reasons)
                .singleElement()
                .asString()
                .startsWith(expectedReason.contains("must be") ? "The enterprise " + expectedReason : expectedReason);
    }

    @org.junit.jupiter.api.Test
    void collectsEveryFailingCriterion() {
        var result = dmn.evaluateDecisionTable(
                decision,
                Variables.createVariables()
                        .putValue("trainingCompleted", false)
                        .putValue("priorExperienceDeclared", false)
                        .putValue("verifiedRuns", 0)
                        .putValue("unitsBuilt", 0)
                        .putValue("qcPassRate", 0.0)
                        .putValue("documentationPublished", false)
                        .putValue("licenceOpen", false));

        List<Boolean> eligible = result.collectEntries("eligible");
        assertThat(eligible).hasSize(6).containsOnly(false);
    }
}
