package org.opensourceecology.incubator.replication.internal;

/** Where a replicated enterprise stands: reporting, lapsed after missed reports, or closed for good. */
enum EnterpriseStatus {
    ACTIVE,
    LAPSED,
    CLOSED
}
