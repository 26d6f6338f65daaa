package org.opensourceecology.incubator.replication.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one production report, checked before anything is stored. */
record ReportFigures(
        long unitsProduced,
        long unitsSold,
        BigDecimal salesValue,
        String currency,
        BigDecimal costs,
        BigDecimal hoursWorked,
        String notes) {

    ReportFigures {
        currency = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
        costs = costs == null ? BigDecimal.ZERO : costs;
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    /** Problems with the figures, empty when they can be stored. */
    List<String> problems() {
        var problems = new ArrayList<String>();
        if (unitsProduced < 0) problems.add("unitsProduced must not be negative");
        if (unitsSold < 0) problems.add("unitsSold must not be negative");
        if (salesValue == null || salesValue.signum() < 0) problems.add("salesValue must be zero or more");
        if (currency == null || !currency.matches("[A-Z]{3}")) problems.add("currency must be an ISO 4217 code");
        if (costs.signum() < 0) problems.add("costs must not be negative");
        if (hoursWorked == null || hoursWorked.signum() < 0 || hoursWorked.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            problems.add("hoursWorked must be between 0 and 10000");
        }
        if (notes != null && notes.length() > 2000) problems.add("notes must be at most 2000 characters");
        return problems;
    }
}
