package org.opensourceecology.incubator.replication.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An enterprise measured against OSE's thresholds for a replicable enterprise: start-up cost, time to
 * break even, and hourly earnings. Earnings are sales value minus the costs reported, over the hours
 * reported. Breakeven is the number of months from the start of the first reported period to the end
 * of the period in which cumulative earnings reached the start-up cost. Money is compared only in
 * the thresholds' currency; a figure that cannot be compared is not a shortfall.
 */
record ViabilityAssessment(
        BigDecimal hourlyEarnings, Long breakevenMonths, BigDecimal startupCost, List<Shortfall> shortfalls) {

    enum Shortfall {
        STARTUP_COST,
        BREAKEVEN,
        HOURLY_EARNINGS
    }

    /** One period's figures in the thresholds' currency, in period order. */
    record PeriodFigures(LocalDate start, LocalDate end, BigDecimal salesValue, BigDecimal costs, BigDecimal hours) {}

    boolean viable() {
        return shortfalls.isEmpty();
    }

    String summary() {
        if (viable()) {
            return "meets the thresholds";
        }
        return "falls short on "
                + String.join(
                        ", ",
                        shortfalls.stream()
                                .map(s -> s.name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' '))
                                .toList())
                + " (hourly earnings " + (hourlyEarnings == null ? "unknown" : hourlyEarnings.toPlainString())
                + ", breakeven " + (breakevenMonths == null ? "not reached" : breakevenMonths + " months")
                + ", start-up cost " + (startupCost == null ? "unknown" : startupCost.toPlainString()) + ")";
    }

    static ViabilityAssessment assess(
            BigDecimal startupCost,
            String startupCurrency,
            List<PeriodFigures> periods,
            LocalDate today,
            ReplicationSettings.Viability thresholds) {
        var shortfalls = new ArrayList<Shortfall>();
        boolean startupComparable = startupCost != null && thresholds.currency().equals(startupCurrency);
        if (startupComparable && startupCost.compareTo(thresholds.maxStartupCost()) > 0) {
            shortfalls.add(Shortfall.STARTUP_COST);
        }

        boolean earningsComparable = !periods.isEmpty();
        BigDecimal earnings = BigDecimal.ZERO;
        BigDecimal hours = BigDecimal.ZERO;
        Long breakeven = null;
        LocalDate firstStart = periods.isEmpty() ? null : periods.get(0).start();
        for (PeriodFigures period : periods) {
            earnings = earnings.add(period.salesValue()).subtract(period.costs());
            hours = hours.add(period.hours());
            if (breakeven == null && startupCost != null && earnings.compareTo(startupCost) >= 0) {
                breakeven = ChronoUnit.MONTHS.between(firstStart, period.end());
            }
        }
        BigDecimal hourly = hours.signum() > 0 ? earnings.divide(hours, 2, RoundingMode.HALF_UP) : null;
        if (earningsComparable && hourly != null && hourly.compareTo(thresholds.minHourlyEarnings()) < 0) {
            shortfalls.add(Shortfall.HOURLY_EARNINGS);
        }
        boolean breakevenComparable = startupComparable && earningsComparable && firstStart != null;
        if (breakevenComparable) {
            long limit = thresholds.maxBreakevenMonths();
            boolean late = breakeven != null ? breakeven > limit : ChronoUnit.MONTHS.between(firstStart, today) > limit;
            if (late) {
                shortfalls.add(Shortfall.BREAKEVEN);
            }
        }
        return new ViabilityAssessment(hourly, breakeven, startupCost, List.copyOf(shortfalls));
    }
}
