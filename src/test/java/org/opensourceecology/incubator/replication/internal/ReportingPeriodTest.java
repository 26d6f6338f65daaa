package org.opensourceecology.incubator.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

    @Test
    void theFirstPeriodStartsOnTheFirstOfTheRegistrationMonth() {
        assertThat(ReportingPeriod.firstPeriodEnd(Instant.parse("2026-11-24T10:15:00Z"), Period.ofMonths(3)))
                .isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
    }

    @Test
    void calendarQuartersReadAsQuarters() {
        var period = ReportingPeriod.ending(LocalDate.parse("2027-04-01"), Period.ofMonths(3));

        assertThat(period.start()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(period.label()).isEqualTo("2027-Q1");
    }

    @Test
    void otherPeriodsReadAsMonthsOrDateRanges() {
        assertThat(ReportingPeriod.ending(LocalDate.parse("2027-02-01"), Period.ofMonths(3))
                        .label())
                .isEqualTo("2026-11-01 – 2027-01-31");
        assertThat(ReportingPeriod.ending(LocalDate.parse("2027-02-01"), Period.ofMonths(1))
                        .label())
                .isEqualTo("Jan 2027");
        assertThat(ReportingPeriod.ending(LocalDate.parse("2027-01-01"), Period.ofYears(1))
                        .label())
                .isEqualTo("2026");
    }
}
