package org.opensourceecology.incubator.replication.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One reporting period: production from {@code start} (inclusive) to {@code end} (exclusive), reported
 * from {@code end} on and due {@code dueAfter} later. Periods start on the first of a month (UTC), so
 * quarterly periods that start in January, April, July or October read as quarters ("2026-Q3").
 */
record ReportingPeriod(LocalDate start, LocalDate end, String label) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    static ReportingPeriod ending(LocalDate end, Period length) {
        LocalDate start = end.minus(length);
        return new ReportingPeriod(start, end, label(start, end, length));
    }

    /** When the first period of an enterprise registered now ends: one period after the start of this month. */
    static Instant firstPeriodEnd(Instant registeredAt, Period length) {
        LocalDate month = registeredAt.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        return month.plus(length).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static LocalDate date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    static Instant instant(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String label(LocalDate start, LocalDate end, Period length) {
        if (length.equals(Period.ofMonths(3)) && start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0) {
            return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
        }
        if (length.equals(Period.ofMonths(1)) && start.getDayOfMonth() == 1) {
            return MONTH.format(start);
        }
        if (length.equals(Period.ofYears(1)) && start.getDayOfYear() == 1) {
            return String.valueOf(start.getYear());
        }
        return start + " – " + end.minusDays(1);
    }
}
