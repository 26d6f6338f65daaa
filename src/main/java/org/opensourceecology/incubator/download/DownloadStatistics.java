package org.opensourceecology.incubator.download;

import java.time.YearMonth;
import java.util.SortedMap;

/** Download figures for OSE's success metrics, computed in SQL; anonymous downloads count too. */
public interface DownloadStatistics {

    /** All Operations Manual downloads (metric 1). */
    long countDownloads();

    SortedMap<YearMonth, Long> downloadsByMonth();
}
