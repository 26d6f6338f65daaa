package org.opensourceecology.incubator.replication.internal;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.opensourceecology.incubator.catalog.EnterpriseSpecification;
import org.opensourceecology.incubator.catalog.EnterpriseSpecifications;
import org.opensourceecology.incubator.certification.CertificateLookup;
import org.opensourceecology.incubator.notification.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Registration, reports, lapsing, closure, viability and designation of replicated enterprises. */
@Service
class ReplicationService {

    static final String MAIL_REPORT_REMINDER = "replication-report-reminder";
    static final String MAIL_LAPSED = "replication-lapsed";

    private final ReplicatedEnterprises enterprises;
    private final ProductionReports reports;
    private final EnterpriseSpecifications catalog;
    private final ObjectProvider<CertificateLookup> certificates;
    private final Notifications notifications;
    private final Validator validator;
    private final ReplicationSettings settings;
    private final ReplicationProcessPort process;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();

    ReplicationService(
            ReplicatedEnterprises enterprises,
            ProductionReports reports,
            EnterpriseSpecifications catalog,
            ObjectProvider<CertificateLookup> certificates,
            Notifications notifications,
            Validator validator,
            ReplicationSettings settings,
            ReplicationProcessPort process,
            Clock clock) {
        this.enterprises = enterprises;
        this.reports = reports;
        this.catalog = catalog;
        this.certificates = certificates;
        this.notifications = notifications;
        this.validator = validator;
        this.settings = settings;
        this.process = process;
        this.clock = clock;
    }

    /** Checks the details; throws {@link ConstraintViolationException} naming every bad field. */
    void validate(RegistrationDetails details) {
        var violations = validator.validate(details);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    @Transactional
    ReplicatedEnterprise register(String ownerId, RegistrationDetails details) {
        validate(details);
        Instant now = clock.instant();
        var enterprise = new ReplicatedEnterprise(
                details.name().strip(),
                details.enterpriseSlug(),
                ownerId,
                details.city().strip(),
                details.country().strip(),
                now);
        enterprise.locate(details.latitude(), details.longitude());
        if (Boolean.TRUE.equals(details.consentMap())) {
            enterprise.consentToMap(now);
        }
        enterprise.setWebsite(blankToNull(details.website()));
        enterprise.setFoundedOn(details.foundedOn());
        enterprise.setTrainedBy(blankToNull(details.trainedBy()));
        if (details.startupCost() != null) {
            enterprise.setStartupCost(
                    details.startupCost(),
                    details.startupCostCurrency() == null
                            ? settings.viability().currency()
                            : details.startupCostCurrency());
        }
        details.coOwnerIds().stream().filter(id -> !id.equals(ownerId)).forEach(enterprise.getCoOwnerIds()::add);
        changedOnCommit();
        return enterprises.save(enterprise);
    }

    /** When the first reporting period of an enterprise registered now ends and its reporting opens. */
    Instant firstPeriodEnd() {
        return ReportingPeriod.firstPeriodEnd(clock.instant(), settings.reportingPeriod());
    }

    ReportingPeriod periodEnding(Instant end) {
        return ReportingPeriod.ending(ReportingPeriod.date(end), settings.reportingPeriod());
    }

    Instant dueDate(ReportingPeriod period) {
        return ReportingPeriod.instant(period.end()).plus(settings.reportDueAfter());
    }

    Instant nextPeriodEnd(ReportingPeriod period) {
        return ReportingPeriod.instant(period.end().plus(settings.reportingPeriod()));
    }

    /** Stores a report (once per period), resets the missed count and reactivates a lapsed enterprise. */
    @Transactional
    ProductionReport recordReport(
            long enterpriseId, ReportingPeriod period, ReportFigures figures, String submittedBy) {
        List<String> problems = figures.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        var enterprise = find(enterpriseId);
        if (reports.existsByEnterpriseIdAndPeriodStart(enterpriseId, period.start())) {
            throw new IllegalStateException("Production for " + period.label() + " is already reported");
        }
        var report = reports.save(new ProductionReport(enterpriseId, period, figures, submittedBy, clock.instant()));
        enterprise.reported(clock.instant());
        changedOnCommit();
        return report;
    }

    /**
     * A period passed without a report; the owners are mailed when it makes the enterprise lapse.
     *
     * @return true when the enterprise lapsed now
     */
    @Transactional
    boolean recordMissedReport(long enterpriseId, String periodLabel) {
        var enterprise = find(enterpriseId);
        boolean lapsed = enterprise.missedReport(settings.lapseAfterMissed(), clock.instant());
        if (lapsed) {
            changedOnCommit();
            Map<String, Object> model = Map.of(
                    "enterpriseName", enterprise.getName(),
                    "periodLabel", periodLabel,
                    "missed", enterprise.getConsecutiveMissedReports());
            enterprise.owners().forEach(owner -> notifications.sendToUser(owner, MAIL_LAPSED, model));
        }
        return lapsed;
    }

    @Transactional
    void remindOwners(long enterpriseId, String periodLabel, Instant dueDate) {
        var enterprise = find(enterpriseId);
        Map<String, Object> model = Map.of(
                "enterpriseName", enterprise.getName(),
                "periodLabel", periodLabel,
                "dueDate", ReportingPeriod.date(dueDate).toString());
        notifications.sendToUser(enterprise.getOwnerId(), MAIL_REPORT_REMINDER, model);
    }

    /**
     * An owner (or co-owner) gives ({@code consent = true}) or withdraws their enterprise's consent to be
     * on the public map; withdrawing takes the pin off {@code /map} and {@code /api/map} at once, on
     * every node. The row holds the consent and its times; the running process's {@code consentMap}
     * variable is set to match, so Cockpit does not show a consent that no longer holds.
     *
     * @throws NoSuchElementException when the enterprise does not exist or is not theirs
     */
    @Transactional
    ReplicatedEnterprise decideMapConsent(long enterpriseId, String userId, boolean consent) {
        var enterprise = enterprises
                .findById(enterpriseId)
                .filter(e -> e.isOwnedBy(userId))
                .orElseThrow(() -> new NoSuchElementException("You own no replicated enterprise " + enterpriseId));
        Instant now = clock.instant();
        boolean changed = consent ? enterprise.consentToMap(now) : enterprise.withdrawMapConsent(now);
        if (changed) {
            process.mapConsentChanged(enterpriseId, consent);
            changedOnCommit();
        }
        return enterprise;
    }

    /** The enterprises the user owns or co-owns, newest first. */
    @Transactional(readOnly = true)
    List<ReplicatedEnterprise> ownedBy(String userId) {
        return enterprises.findOwnedBy(userId);
    }

    @Transactional
    void close(long enterpriseId) {
        find(enterpriseId).close(clock.instant());
        changedOnCommit();
    }

    /** Counts committed changes that the public map shows, so that its cache knows when to reload. */
    long changes() {
        return changes.get();
    }

    private void changedOnCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changes.incrementAndGet();
                }
            });
        } else {
            changes.incrementAndGet();
        }
    }

    @Transactional(readOnly = true)
    ViabilityAssessment assessViability(long enterpriseId) {
        var enterprise = find(enterpriseId);
        String currency = settings.viability().currency();
        var periods = reports.findByEnterpriseIdOrderByPeriodStart(enterpriseId).stream()
                .filter(r -> currency.equals(r.getCurrency()))
                .map(r -> new ViabilityAssessment.PeriodFigures(
                        r.getPeriodStart(), r.getPeriodEnd(), r.getSalesValue(), r.getCosts(), r.getHoursWorked()))
                .toList();
        return ViabilityAssessment.assess(
                enterprise.getStartupCost(),
                enterprise.getStartupCostCurrency(),
                periods,
                LocalDate.now(clock),
                settings.viability());
    }

    ReplicatedEnterprise find(long enterpriseId) {
        return enterprises
                .findById(enterpriseId)
                .orElseThrow(() -> new NoSuchElementException("No replicated enterprise " + enterpriseId));
    }

    /** The designation of each enterprise, see {@link Designation} for the rule. */
    Map<Long, Designation> designations(Collection<ReplicatedEnterprise> list) {
        Set<String> catalogSlugs = catalog.findAllPublished().stream()
                .map(EnterpriseSpecification::getSlug)
                .collect(Collectors.toSet());
        // a long IN list costs more than reading the (indexed) distinct ids of all reporting enterprises
        Set<Long> reporting = list.isEmpty()
                ? Set.of()
                : list.size() > 200
                        ? reports.findAllReporting()
                        : reports.findReportingAmong(
                                list.stream().map(ReplicatedEnterprise::getId).toList());
        CertificateLookup lookup = certificates.getIfAvailable();
        return list.stream()
                .collect(Collectors.toMap(
                        ReplicatedEnterprise::getId,
                        e -> Designation.of(
                                lookup != null
                                        && e.owners().stream()
                                                .anyMatch(o -> lookup.hasValidCertificate(o, e.getEnterpriseSlug())),
                                catalogSlugs.contains(e.getEnterpriseSlug()),
                                reporting.contains(e.getId()))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
