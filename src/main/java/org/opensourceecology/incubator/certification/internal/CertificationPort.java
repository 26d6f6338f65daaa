package org.opensourceecology.incubator.certification.internal;

import java.util.NoSuchElementException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.opensourceecology.incubator.certification.CertificationProcess;
import org.opensourceecology.incubator.certification.Certifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Starts {@code certification} and correlates its revocation message, always by business key. */
@Component
class CertificationPort implements Certifications {

    private final RuntimeService runtime;
    private final CertificateStore store;
    private final CertificationService certification;

    CertificationPort(RuntimeService runtime, CertificateStore store, CertificationService certification) {
        this.runtime = runtime;
        this.store = store;
        this.certification = certification;
    }

    @Override
    @Transactional
    public String apply(String applicantId, String enterpriseSlug, String priorExperience) {
        String businessKey = "certification-" + CertificationService.randomToken(12);
        var variables = Variables.createVariables();
        CertificationProcess.APPLICANT_ID.putIn(variables, applicantId);
        CertificationProcess.ENTERPRISE_SLUG.putIn(variables, enterpriseSlug);
        CertificationProcess.PRIOR_EXPERIENCE.putIn(variables, priorExperience == null ? "" : priorExperience);
        CertificationProcess.TRAINING_COMPLETED.putIn(variables, false);
        runtime.startProcessInstanceByKey(CertificationProcess.KEY, businessKey, variables);
        return businessKey;
    }

    @Override
    @Transactional
    public void revoke(String certificateId, String reason) {
        var certificate = store.find(certificateId)
                .orElseThrow(() -> new NoSuchElementException("No certificate " + certificateId));
        if (certificate.effectiveStatus(certification.now()) != CertificateStore.Status.VALID) {
            throw new IllegalStateException("Certificate " + certificateId + " is "
                    + certificate.effectiveStatus(certification.now()).name().toLowerCase(java.util.Locale.ROOT));
        }
        String businessKey =
                store.findApplication(certificate.applicationId()).orElseThrow().businessKey();
        var instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(CertificationProcess.KEY)
                .processInstanceBusinessKey(businessKey)
                .variableValueEquals(CertificationProcess.CERTIFICATE_ID.name(), certificateId)
                .singleResult();
        boolean waiting = instance != null
                && runtime.createEventSubscriptionQuery()
                                .processInstanceId(instance.getId())
                                .eventType("message")
                                .eventName(CertificationProcess.MESSAGE_CERTIFICATE_REVOKED)
                                .count()
                        > 0;
        if (!waiting) {
            // No lifecycle waits for this certificate (its process was removed): revoke it here.
            certification.revoke(certificateId, reason);
            return;
        }
        runtime.createMessageCorrelation(CertificationProcess.MESSAGE_CERTIFICATE_REVOKED)
                .processInstanceBusinessKey(businessKey)
                .processInstanceId(instance.getId())
                .setVariable(CertificationProcess.REVOCATION_REASON.name(), reason)
                .correlateWithResult();
    }
}
