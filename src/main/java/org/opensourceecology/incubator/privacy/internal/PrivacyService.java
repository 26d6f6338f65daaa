package org.opensourceecology.incubator.privacy.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.opensourceecology.incubator.privacy.PersonalData;
import org.opensourceecology.incubator.privacy.Subject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Export and erasure across every module's {@link PersonalData} and the Camunda engine. */
@Service
class PrivacyService {

    private static final Logger log = LoggerFactory.getLogger(PrivacyService.class);

    private final List<PersonalData> contributors;
    private final CamundaProcessData camunda;
    private final IdentityService identity;

    PrivacyService(List<PersonalData> contributors, CamundaProcessData camunda, IdentityService identity) {
        this.contributors = contributors;
        this.camunda = camunda;
        this.identity = identity;
    }

    /** Adds the email of the subject's account when only the user id was given. */
    Subject resolve(Subject subject) {
        if (!subject.hasUserId()) {
            var byEmail = identity.createUserQuery().userEmail(subject.email()).list();
            if (byEmail.size() == 1) {
                subject = subject.withUserId(byEmail.get(0).getId());
            }
        }
        if (!subject.hasUserId()) {
            return subject;
        }
        var user = identity.createUserQuery().userId(subject.userId()).singleResult();
        if (user != null) {
            subject = subject.withNames(java.util.Arrays.asList(user.getFirstName(), user.getLastName()));
            if (!subject.hasEmail()
                    && user.getEmail() != null
                    && !user.getEmail().isBlank()) {
                return subject.withEmail(user.getEmail());
            }
        }
        if (subject.hasEmail()) {
            return subject;
        }
        String userId = subject.userId();
        return contributors.stream()
                .map(c -> c.emailOf(userId))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .map(subject::withEmail)
                .orElse(subject);
    }

    @Transactional(readOnly = true)
    public Map<String, Object> export(Subject requested) {
        Subject subject = resolve(requested);
        var export = new LinkedHashMap<String, Object>();
        var person = new LinkedHashMap<String, Object>();
        person.put("userId", subject.userId());
        person.put("email", subject.email());
        export.put("subject", person);
        for (PersonalData contributor : contributors) {
            export.put(contributor.name(), contributor.export(subject));
        }
        export.put("camunda", camunda.export(subject, identifyingVariables(subject)));
        return export;
    }

    /** One transaction: either everything about the person is gone or nothing changed. */
    @Transactional
    public Subject erase(Subject requested) {
        Subject subject = resolve(requested);
        var variables = identifyingVariables(subject);
        for (PersonalData contributor : contributors) {
            contributor.erase(subject);
        }
        camunda.erase(subject, variables);
        // the log names neither the user id nor the email: only that an erasure happened
        log.info("Erased a person's data on request (pseudonym {})", subject.pseudonym());
        return subject;
    }

    private Map<String, String> identifyingVariables(Subject subject) {
        var variables = new LinkedHashMap<String, String>();
        contributors.forEach(c -> variables.putAll(c.identifyingProcessVariables(subject)));
        return variables;
    }
}
