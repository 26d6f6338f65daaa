package org.opensourceecology.incubator.production.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on production runs; one transaction each. */
@Service
class ProductionService {

    private final ProductionRuns runs;
    private final Clock clock;

    ProductionService(ProductionRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Transactional
    public long open(
            Long applicationId,
            String producerId,
            String enterpriseSlug,
            String mentorId,
            int plannedUnits,
            BigDecimal targetPrice,
            String currency) {
        if (plannedUnits < 1) {
            throw new IllegalArgumentException("Plan at least one unit");
        }
        return runs.open(
                applicationId,
                producerId,
                enterpriseSlug,
                mentorId,
                plannedUnits,
                targetPrice,
                currency.trim().toUpperCase(java.util.Locale.ROOT),
                clock.instant());
    }

    @Transactional
    public void record(long runId, String userId, ProductionRuns.Recording recording) {
        var run = runs.find(runId).orElseThrow(() -> new NoSuchElementException("No production run " + runId));
        if (!run.producerId().equals(userId)) {
            throw new SecurityException("Only the producer records a production run");
        }
        if (!run.status().isRecordable()) {
            throw new IllegalStateException("Production run " + runId + " is " + run.status() + " and cannot change");
        }
        runs.record(runId, recording, clock.instant());
    }

    /** Evaluates the QC checks of a recorded run and stores the pass rate. */
    @Transactional
    public double evaluate(long runId) {
        var run = runs.find(runId).orElseThrow(() -> new NoSuchElementException("No production run " + runId));
        if (run.status() != ProductionRuns.Status.RECORDED) {
            throw new IllegalStateException("Record the units of production run " + runId
                    + " on its page (/production-runs/" + runId + ") before completing this task");
        }
        double passRate = QualityControl.passRate(runs.unitResults(runId));
        runs.setQcPassRate(runId, passRate);
        return passRate;
    }

    @Transactional
    public void requestCorrection(long runId, String comment) {
        runs.requestCorrection(runId, comment);
    }

    @Transactional
    public void markVerified(long runId, String verifiedBy) {
        runs.markVerified(runId, verifiedBy, clock.instant());
    }
}
