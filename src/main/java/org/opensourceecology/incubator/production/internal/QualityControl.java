package org.opensourceecology.incubator.production.internal;

import java.util.List;

/** The automatic quality-control evaluation of a production run. */
final class QualityControl {

    /** One unit: how many checks it had and how many of them passed. */
    record UnitResult(String serialNumber, int checks, int passed) {

        /** A unit passes when it was checked and every check passed. */
        boolean passes() {
            return checks > 0 && passed == checks;
        }
    }

    private QualityControl() {}

    /** Units that passed every check divided by units built; 0 for a run without units. */
    static double passRate(List<UnitResult> units) {
        if (units.isEmpty()) {
            return 0.0;
        }
        long passing = units.stream().filter(UnitResult::passes).count();
        return (double) passing / units.size();
    }
}
