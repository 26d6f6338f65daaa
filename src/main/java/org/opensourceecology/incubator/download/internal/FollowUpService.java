package org.opensourceecology.incubator.download.internal;

import org.opensourceecology.incubator.download.FollowUps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class FollowUpService implements FollowUps {

    private final FollowUpPort port;

    FollowUpService(FollowUpPort port) {
        this.port = port;
    }

    @Override
    @Transactional
    public void trainingApplied(String email) {
        if (email != null && !email.isBlank()) {
            port.trainingApplied(EmailHash.of(email));
        }
    }
}
