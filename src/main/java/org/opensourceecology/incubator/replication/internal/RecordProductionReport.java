package org.opensourceecology.incubator.replication.internal;

import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code service_record_production_report}: stores what the owner reported for the period. */
@Component("recordProductionReport")
class RecordProductionReport implements JavaDelegate {

    private final ReplicationService replication;

    RecordProductionReport(ReplicationService replication) {
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var period = new ReportingPeriod(
                PERIOD_START.get(execution), PERIOD_END.get(execution), PERIOD_LABEL.get(execution));
        var figures = new ReportFigures(
                UNITS_PRODUCED.get(execution),
                UNITS_SOLD.get(execution),
                BigDecimal.valueOf(SALES_VALUE.get(execution)),
                CURRENCY.get(execution),
                COSTS.find(execution).map(BigDecimal::valueOf).orElse(BigDecimal.ZERO),
                BigDecimal.valueOf(HOURS_WORKED.get(execution)),
                NOTES.find(execution).orElse(null));
        replication.recordReport(REPLICATED_ENTERPRISE_ID.get(execution), period, figures, OWNER_ID.get(execution));
    }
}
