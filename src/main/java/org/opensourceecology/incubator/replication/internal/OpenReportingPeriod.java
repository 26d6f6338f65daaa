package org.opensourceecology.incubator.replication.internal;

import static org.opensourceecology.incubator.replication.ReplicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code service_open_reporting_period}: the period that ends at {@code nextPeriodStart} is now to be
 * reported; sets its label, dates and due date, and moves {@code nextPeriodStart} one period on (when
 * this report counts as missed and the next one opens).
 */
@Component("openReportingPeriod")
class OpenReportingPeriod implements JavaDelegate {

    private final ReplicationService replication;

    OpenReportingPeriod(ReplicationService replication) {
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var period = replication.periodEnding(NEXT_PERIOD_START.get(execution));
        PERIOD_START.set(execution, period.start());
        PERIOD_END.set(execution, period.end());
        PERIOD_LABEL.set(execution, period.label());
        REPORT_DUE_DATE.set(execution, replication.dueDate(period));
        NEXT_PERIOD_START.set(execution, replication.nextPeriodEnd(period));
    }
}
