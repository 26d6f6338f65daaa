package org.opensourceecology.incubator.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.replication.internal.ViabilityAssessment.PeriodFigures;
import org.opensourceecology.incubator.replication.internal.ViabilityAssessment.Shortfall;

class ViabilityAssessmentTest {

    static final ReplicationSettings.Viability OSE =
            new ReplicationSettings.Viability(new BigDecimal("1000"), 3, new BigDecimal("15"), "USD");
    static final LocalDate TODAY = LocalDate.parse("2027-07-15");

    static PeriodFigures quarter(String start, int sales, int costs, int hours) {
        LocalDate s = LocalDate.parse(start);
        return new PeriodFigures(
                s, s.plusMonths(3), BigDecimal.valueOf(sales), BigDecimal.valueOf(costs), BigDecimal.valueOf(hours));
    }

    @Test
    void anEnterpriseThatEarnsItsStartUpCostBackInOneQuarterAtAGoodRateIsViable() {
        var assessment = ViabilityAssessment.assess(
                new BigDecimal("800"), "USD", List.of(quarter("2027-01-01", 6000, 1000, 200)), TODAY, OSE);

        assertThat(assessment.viable()).isTrue();
        assertThat(assessment.hourlyEarnings()).isEqualByComparingTo("25.00");
        assertThat(assessment.breakevenMonths()).isEqualTo(3);
        assertThat(assessment.summary()).isEqualTo("meets the thresholds");
    }

    @Test
    void expensiveSlowAndPoorlyPaidFallsShortOnAllThree() {
        var assessment = ViabilityAssessment.assess(
                new BigDecimal("5000"),
                "USD",
                List.of(quarter("2027-01-01", 1000, 500, 100), quarter("2027-04-01", 1000, 500, 100)),
                TODAY,
                OSE);

        assertThat(assessment.shortfalls())
                .containsExactly(Shortfall.STARTUP_COST, Shortfall.HOURLY_EARNINGS, Shortfall.BREAKEVEN);
        assertThat(assessment.hourlyEarnings()).isEqualByComparingTo("5.00");
        assertThat(assessment.breakevenMonths()).isNull();
        assertThat(assessment.summary()).contains("startup cost", "hourly earnings 5.00", "breakeven not reached");
    }

    @Test
    void breakevenLaterThanThreeMonthsIsAShortfall() {
        var assessment = ViabilityAssessment.assess(
                new BigDecimal("1000"),
                "USD",
                List.of(quarter("2027-01-01", 700, 0, 40), quarter("2027-04-01", 700, 0, 40)),
                TODAY,
                OSE);

        assertThat(assessment.breakevenMonths()).isEqualTo(6);
        assertThat(assessment.shortfalls()).containsExactly(Shortfall.BREAKEVEN);
    }

    @Test
    void breakevenNotYetReachedWithinTheFirstThreeMonthsIsNoShortfallYet() {
        var assessment = ViabilityAssessment.assess(
                new BigDecimal("1000"),
                "USD",
                List.of(quarter("2027-04-01", 600, 0, 30)),
                LocalDate.parse("2027-06-30"),
                OSE);

        assertThat(assessment.viable()).isTrue();
    }

    @Test
    void moneyInAnotherCurrencyIsNotCompared() {
        var assessment = ViabilityAssessment.assess(new BigDecimal("900000"), "NGN", List.of(), TODAY, OSE);

        assertThat(assessment.viable()).isTrue();
        assertThat(assessment.hourlyEarnings()).isNull();
    }
}
