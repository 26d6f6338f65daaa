package org.opensourceecology.incubator.replication;

import java.time.Instant;
import java.time.LocalDate;
import org.opensourceecology.incubator.process.ProcessVariable;

/**
 * The {@code replication} process: a replicated enterprise is registered, then reports its production
 * every period until it is closed. One instance per enterprise; business key = the enterprise id.
 */
public final class ReplicationProcess {

    public static final String KEY = "replication";

    public static final String START_REPLICATION = "start_replication";
    public static final String GATEWAY_DETAILS_GIVEN = "gateway_details_given";
    public static final String USER_COMPLETE_REGISTRATION = "user_complete_registration";
    public static final String GATEWAY_DETAILS_JOINED = "gateway_details_joined";
    public static final String SERVICE_REGISTER_REPLICATED_ENTERPRISE = "service_register_replicated_enterprise";
    public static final String SUB_REPORTING = "sub_reporting";
    public static final String GATEWAY_NEXT_PERIOD = "gateway_next_period";
    public static final String TIMER_NEXT_REPORTING_PERIOD = "timer_next_reporting_period";
    public static final String GATEWAY_OPEN_PERIOD = "gateway_open_period";
    public static final String SERVICE_OPEN_REPORTING_PERIOD = "service_open_reporting_period";
    public static final String USER_REPORT_PRODUCTION = "user_report_production";
    public static final String TIMER_REPORT_REMINDER = "timer_report_reminder";
    public static final String SERVICE_REMIND_OWNER = "service_remind_owner";
    public static final String TIMER_REPORT_MISSED = "timer_report_missed";
    public static final String SERVICE_RECORD_MISSED_REPORT = "service_record_missed_report";
    public static final String SERVICE_RECORD_PRODUCTION_REPORT = "service_record_production_report";
    public static final String GATEWAY_STILL_TRADING = "gateway_still_trading";
    public static final String END_REPORTING_ENDED = "end_reporting_ended";
    public static final String SERVICE_ASSESS_VIABILITY = "service_assess_viability";
    public static final String GATEWAY_VIABLE = "gateway_viable";
    public static final String GATEWAY_FOLLOW_UP_FORK = "gateway_follow_up_fork";
    public static final String USER_FOLLOW_UP_VIABILITY = "user_follow_up_viability";
    public static final String END_FOLLOW_UP_DONE = "end_follow_up_done";
    public static final String END_REMINDER_SENT = "end_reminder_sent";
    public static final String BOUNDARY_ENTERPRISE_CLOSED = "boundary_enterprise_closed";
    public static final String GATEWAY_CLOSING_JOINED = "gateway_closing_joined";
    public static final String SERVICE_CLOSE_REPLICATED_ENTERPRISE = "service_close_replicated_enterprise";
    public static final String END_ENTERPRISE_CLOSED = "end_enterprise_closed";

    /** Correlated by business key (the enterprise id) when the owner or an admin closes it. */
    public static final String MESSAGE_ENTERPRISE_CLOSED = "EnterpriseClosed";

    public static final String FORM_REGISTER = "register-replicated-enterprise";
    public static final String FORM_REPORT_PRODUCTION = "report-production";
    public static final String FORM_FOLLOW_UP_VIABILITY = "follow-up-viability";

    // Given by the journey's call activity, the start form or the API
    public static final ProcessVariable<String> OWNER_ID = ProcessVariable.string("ownerId");
    public static final ProcessVariable<String> ENTERPRISE_SLUG = ProcessVariable.string("enterpriseSlug");
    public static final ProcessVariable<String> MENTOR_ID = ProcessVariable.string("mentorId");

    // Registration details (start form register-replicated-enterprise, or user_complete_registration)
    public static final ProcessVariable<String> ENTERPRISE_NAME = ProcessVariable.string("enterpriseName");
    public static final ProcessVariable<String> CITY = ProcessVariable.string("city");
    public static final ProcessVariable<String> COUNTRY = ProcessVariable.string("country");
    public static final ProcessVariable<Double> LATITUDE = ProcessVariable.decimal("latitude");
    public static final ProcessVariable<Double> LONGITUDE = ProcessVariable.decimal("longitude");
    public static final ProcessVariable<Boolean> CONSENT_MAP = ProcessVariable.bool("consentMap");
    public static final ProcessVariable<String> WEBSITE = ProcessVariable.string("website");
    public static final ProcessVariable<LocalDate> FOUNDED_ON = ProcessVariable.date("foundedOn");
    public static final ProcessVariable<Double> STARTUP_COST = ProcessVariable.decimal("startupCost");
    public static final ProcessVariable<String> STARTUP_COST_CURRENCY = ProcessVariable.string("startupCostCurrency");

    // Set along the way
    public static final ProcessVariable<Long> REPLICATED_ENTERPRISE_ID =
            ProcessVariable.longValue("replicatedEnterpriseId");
    /** When the next reporting period opens; also when the open one is missed. */
    public static final ProcessVariable<Instant> NEXT_PERIOD_START = ProcessVariable.instant("nextPeriodStart");

    public static final ProcessVariable<LocalDate> PERIOD_START = ProcessVariable.date("periodStart");
    public static final ProcessVariable<LocalDate> PERIOD_END = ProcessVariable.date("periodEnd");
    public static final ProcessVariable<String> PERIOD_LABEL = ProcessVariable.string("periodLabel");
    public static final ProcessVariable<Instant> REPORT_DUE_DATE = ProcessVariable.instant("reportDueDate");

    // Submitted with the form report-production
    public static final ProcessVariable<Long> UNITS_PRODUCED = ProcessVariable.longValue("unitsProduced");
    public static final ProcessVariable<Long> UNITS_SOLD = ProcessVariable.longValue("unitsSold");
    public static final ProcessVariable<Double> SALES_VALUE = ProcessVariable.decimal("salesValue");
    public static final ProcessVariable<String> CURRENCY = ProcessVariable.string("currency");
    public static final ProcessVariable<Double> COSTS = ProcessVariable.decimal("costs");
    public static final ProcessVariable<Double> HOURS_WORKED = ProcessVariable.decimal("hoursWorked");
    public static final ProcessVariable<String> NOTES = ProcessVariable.string("notes");
    /** Ticked in the report when the owner has closed the enterprise: the report is stored, then it closes. */
    public static final ProcessVariable<Boolean> ENTERPRISE_CLOSED = ProcessVariable.bool("enterpriseClosed");

    // Set by service_assess_viability
    public static final ProcessVariable<Boolean> VIABLE = ProcessVariable.bool("viable");
    public static final ProcessVariable<String> VIABILITY_SUMMARY = ProcessVariable.string("viabilitySummary");

    private ReplicationProcess() {}
}
