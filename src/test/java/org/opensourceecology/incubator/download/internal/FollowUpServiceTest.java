package org.opensourceecology.incubator.download.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;

/** FollowUps.trainingApplied correlates on the hash of the normalised email; the engine never sees the email. */
class FollowUpServiceTest {

    final FollowUpPort port = mock(FollowUpPort.class);
    final FollowUpService followUps = new FollowUpService(port);

    @Test
    void hashesTheTrimmedLowerCaseEmail() {
        // sha-256 of "maker@example.org", as `printf maker@example.org | sha256sum` prints it
        String expected = "f99973f987d4848d42f89a31b82eb52793628cf3ce90ba501ab2bdbabe92d796";
        assertThat(EmailHash.of(" Maker@Example.ORG ")).isEqualTo(expected);

        followUps.trainingApplied(" Maker@Example.ORG ");

        verify(port).trainingApplied(expected);
    }

    @Test
    void blankEmailCorrelatesNothing() {
        followUps.trainingApplied("  ");
        followUps.trainingApplied(null);

        verify(port, never()).trainingApplied(any());
    }
}
