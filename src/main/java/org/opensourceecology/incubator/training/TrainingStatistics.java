package org.opensourceecology.incubator.training;

import java.time.YearMonth;
import java.util.SortedMap;

/** Training figures for the funnel, computed in SQL. */
public interface TrainingStatistics {

    long countApplications();

    /** Applications accepted and enrolled in a cohort. */
    long countEnrolled();

    long countTrainingCompleted();

    SortedMap<YearMonth, Long> applicationsByMonth();
}
