package org.opensourceecology.incubator.production.internal;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensourceecology.incubator.production.ProductionRunProcess;
import org.springframework.stereotype.Component;

/** The service tasks of {@code production-run}: thin adapters from process variables to the module. */
final class ProcessDelegates {

    private ProcessDelegates() {}

    @Component("openProductionRun")
    static class OpenProductionRun implements JavaDelegate {

        private final ProductionService production;

        OpenProductionRun(ProductionService production) {
            this.production = production;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long runId = production.open(
                    ProductionRunProcess.APPLICATION_ID.find(execution).orElse(null),
                    ProductionRunProcess.TRAINEE_ID.get(execution),
                    ProductionRunProcess.ENTERPRISE_SLUG.get(execution),
                    ProductionRunProcess.MENTOR_ID.find(execution).orElse(null),
                    ProductionRunProcess.PLANNED_UNITS.get(execution),
                    ProductionRunProcess.TARGET_PRICE
                            .find(execution)
                            .map(BigDecimal::valueOf)
                            .orElse(null),
                    ProductionRunProcess.CURRENCY.get(execution));
            ProductionRunProcess.PRODUCTION_RUN_ID.set(execution, runId);
        }
    }

    @Component("evaluateQualityControl")
    static class EvaluateQualityControl implements JavaDelegate {

        private final ProductionService production;

        EvaluateQualityControl(ProductionService production) {
            this.production = production;
        }

        @Override
        public void execute(DelegateExecution execution) {
            double passRate = production.evaluate(ProductionRunProcess.PRODUCTION_RUN_ID.get(execution));
            ProductionRunProcess.QC_PASS_RATE.set(execution, passRate);
        }
    }

    @Component("requestProductionRunCorrection")
    static class RequestProductionRunCorrection implements JavaDelegate {

        private final ProductionService production;

        RequestProductionRunCorrection(ProductionService production) {
            this.production = production;
        }

        @Override
        public void execute(DelegateExecution execution) {
            production.requestCorrection(
                    ProductionRunProcess.PRODUCTION_RUN_ID.get(execution),
                    ProductionRunProcess.CORRECTION_COMMENT.getOrDefault(execution, ""));
        }
    }

    @Component("markProductionRunVerified")
    static class MarkProductionRunVerified implements JavaDelegate {

        private final ProductionService production;

        MarkProductionRunVerified(ProductionService production) {
            this.production = production;
        }

        @Override
        public void execute(DelegateExecution execution) {
            production.markVerified(
                    ProductionRunProcess.PRODUCTION_RUN_ID.get(execution),
                    ProductionRunProcess.MENTOR_ID.get(execution));
        }
    }
}
