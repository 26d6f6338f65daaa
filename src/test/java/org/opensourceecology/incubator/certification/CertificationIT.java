package org.opensourceecology.incubator.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Certification on PostgreSQL: a producer with a verified run applies, a certifier certifies, the
 * certificate verifies publicly (page and Open Badges JSON), is revoked and never reads as valid
 * again; expired and unknown certificates too.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class CertificationIT {

    @Autowired
    Certifications certifications;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    @Autowired
    TestRestTemplate http;

    String producer;

    @BeforeEach
    void producerWithAVerifiedRun() {
        producer = "producer" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var user = identity.newUser(producer);
        user.setFirstName("Ada");
        user.setLastName("Builder");
        user.setEmail(producer + "@example.org");
        user.setPassword("secret-" + producer);
        identity.saveUser(user);
        jdbc.update(
                """
                insert into production_run (producer_id, enterprise_slug, mentor_id, planned_units, status, units_built,
                    unit_cost, unit_price, units_sold, currency, documentation_url, qc_pass_rate, created_at, recorded_at,
                    verified_at, verified_by)
                values (?, 'ceb-press', 'mentor', 3, 'VERIFIED', 3, 3000, 4500, 2, 'EUR',
                    'https://wiki.opensourceecology.org/wiki/CEB_build', 1.0, ?, ?, ?, 'mentor')""",
                producer,
                Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        Long runId = jdbc.queryForObject("select id from production_run where producer_id = ?", Long.class, producer);
        for (int i = 1; i <= 3; i++) {
            jdbc.update(
                    "insert into production_unit (run_id, serial_number) values (?, ?)",
                    runId,
                    "CEB-" + producer + "-" + i);
            Long unitId = jdbc.queryForObject(
                    "select id from production_unit where run_id = ? and serial_number = ?",
                    Long.class,
                    runId,
                    "CEB-" + producer + "-" + i);
            jdbc.update(
                    "insert into qc_check (unit_id, criterion, passed, measurement) values (?, 'Frame squareness', true, '2 mm')",
                    unitId);
        }
    }

    @Test
    void certifiedProducerVerifiesPubliclyUntilRevoked() {
        String businessKey = certifications.apply(producer, "ceb-press", "Built presses since 2019.");

        var instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        assertThat(runtime.getVariable(instance.getId(), "eligible")).isEqualTo(true);
        var review = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(CertificationProcess.USER_REVIEW_CERTIFICATION)
                .singleResult();
        tasks.claim(review.getId(), "certifier");
        tasks.complete(review.getId(), Map.of("reviewDecision", "certify", "reviewComment", "Good run."));
        var issue = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(CertificationProcess.SERVICE_ISSUE_CERTIFICATE)
                .singleResult();
        management.executeJob(issue.getId());

        String certificateId = (String) runtime.getVariable(instance.getId(), "certificateId");
        assertThat(certificateId).matches("[A-Za-z0-9_-]{26,}");
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where recipient = ? and template = 'certification-issued'",
                        Long.class,
                        producer + "@example.org"))
                .isEqualTo(1);

        var page = http.getForEntity("/certificates/" + certificateId, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("data-status=\"VALID\"", "Ada Builder", "Compressed Earth Brick Press");

        Map<String, Object> badge = http.getForObject("/api/certificates/" + certificateId, Map.class);
        assertThat(badge.get("type").toString()).contains("VerifiableCredential", "OpenBadgeCredential");
        assertThat((Map<String, Object>) badge.get("credentialStatus")).containsEntry("status", "valid");
        assertThat(badge.get("validUntil")).isNotNull();
        Map<String, Object> subject = (Map<String, Object>) badge.get("credentialSubject");
        var identifier = (Map<String, Object>)
                ((Iterable<?>) subject.get("identifier")).iterator().next();
        assertThat(identifier).containsEntry("hashed", true).containsEntry("identityType", "emailAddress");
        assertThat(identifier.get("identityHash").toString()).startsWith("sha256$");
        assertThat(badge.toString()).doesNotContain(producer + "@example.org").contains("CEB-" + producer + "-3");

        certifications.revoke(certificateId, "Units sold without the QC checklist");

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId())
                        .activityId(CertificationProcess.END_CERTIFICATE_REVOKED)
                        .count())
                .isEqualTo(1);
        assertThat(http.getForObject("/certificates/" + certificateId, String.class))
                .contains("data-status=\"REVOKED\"", "Units sold without the QC checklist")
                .doesNotContain("data-status=\"VALID\"");
        Map<String, Object> revoked = http.getForObject("/api/certificates/" + certificateId, Map.class);
        assertThat((Map<String, Object>) revoked.get("credentialStatus")).containsEntry("status", "revoked");
    }

    @Test
    void selfTaughtProducerAppliesFromTasklist() {
        identity.createMembership(producer, "trainees");
        identity.setAuthentication(producer, java.util.List.of("trainees"));
        org.camunda.bpm.engine.runtime.ProcessInstance instance;
        try {
            // what Tasklist's start form apply-for-certification submits, as the logged-in producer
            instance = runtime.startProcessInstanceByKey(
                    CertificationProcess.KEY,
                    Map.of("enterpriseSlug", "ceb-press", "priorExperience", "Built six presses in our village."));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(runtime.getVariable(instance.getId(), "applicantId")).isEqualTo(producer);
        assertThat(runtime.getVariable(instance.getId(), "eligible")).isEqualTo(true);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getBusinessKey())
                .startsWith("certification-");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskDefinitionKey(CertificationProcess.USER_REVIEW_CERTIFICATION)
                        .taskCandidateGroup("certifiers")
                        .count())
                .isEqualTo(1);
        runtime.deleteProcessInstance(instance.getId(), "test done");
    }

    @Test
    void calledFromTheJourneyTheApplicantIsTheTraineeNotWhoeverCompletedTheLastStep() {
        String key = "it-certification-caller-" + producer;
        var caller = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("call_certification")
                .calledElement(CertificationProcess.KEY)
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn("traineeId", "applicantId")
                .camundaIn("mentorId", "mentorId")
                .camundaIn("enterpriseSlug", "enterpriseSlug")
                .camundaIn("trainingCompleted", "trainingCompleted")
                .endEvent()
                .done();
        String deployment = repository
                .createDeployment()
                .addModelInstance(key + ".bpmn", caller)
                .deploy()
                .getId();
        try {
            // the mentor's step completes in the journey and the certification starts in that transaction
            identity.setAuthentication("admin", java.util.List.of("camunda-admin"));
            var journey = runtime.startProcessInstanceByKey(
                    key,
                    "application-" + producer,
                    Map.of(
                            "traineeId",
                            producer,
                            "mentorId",
                            "mentor",
                            "enterpriseSlug",
                            "ceb-press",
                            "trainingCompleted",
                            true));
            identity.clearAuthentication();
            var certification = runtime.createProcessInstanceQuery()
                    .superProcessInstanceId(journey.getId())
                    .singleResult();

            assertThat(runtime.getVariable(certification.getId(), "applicantId"))
                    .isEqualTo(producer);
            assertThat(certification.getBusinessKey()).isEqualTo("application-" + producer);
        } finally {
            identity.clearAuthentication();
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void expiredCertificateNeverReadsAsValid() {
        jdbc.update("""
                insert into certification_application (business_key, applicant_id, enterprise_slug, status, created_at)
                values (?, ?, 'ceb-press', 'CERTIFIED', ?)""", "it-" + producer, producer, Timestamp.from(Instant.now()));
        Long applicationId = jdbc.queryForObject(
                "select id from certification_application where business_key = ?", Long.class, "it-" + producer);
        String id = "expired" + producer + "xxxxxxxx";
        jdbc.update(
                """
                insert into certificate (id, application_id, holder_id, enterprise_slug, operations_manual_version, scope,
                    issued_at, valid_until, status, identity_salt)
                values (?, ?, ?, 'ceb-press', '2024.1', 'Test scope', ?, ?, 'VALID', 'salt')""",
                id,
                applicationId,
                producer,
                Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)),
                Timestamp.from(Instant.now().minus(35, ChronoUnit.DAYS)));

        assertThat(http.getForObject("/certificates/" + id, String.class))
                .contains("data-status=\"EXPIRED\"")
                .doesNotContain("data-status=\"VALID\"");
        Map<String, Object> badge = http.getForObject("/api/certificates/" + id, Map.class);
        assertThat((Map<String, Object>) badge.get("credentialStatus")).containsEntry("status", "expired");
    }

    @Test
    void unknownCertificateIsNotFound() {
        assertThat(http.getForEntity("/certificates/doesNotExist1234567890", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/certificates/doesNotExist1234567890", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyCertifiersRevoke() {
        var response = http.withBasicAuth(producer, "secret-" + producer)
                .postForEntity(
                        "/api/certificates/doesNotExist1234567890/revocation", Map.of("reason", "x"), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
