package org.opensourceecology.incubator.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplicatedEnterpriseTest {

    static final Instant NOW = Instant.parse("2027-04-01T00:00:00Z");

    ReplicatedEnterprise enterprise =
            new ReplicatedEnterprise("Lagos Brick Works", "ceb-press", "owner", "Lagos", "Nigeria", NOW);

    @Test
    void twoMissedReportsInARowLapseAndTheNextReportReactivates() {
        assertThat(enterprise.missedReport(2, NOW)).isFalse();
        assertThat(enterprise.getStatus()).isEqualTo(EnterpriseStatus.ACTIVE);
        assertThat(enterprise.missedReport(2, NOW)).isTrue();
        assertThat(enterprise.getStatus()).isEqualTo(EnterpriseStatus.LAPSED);
        assertThat(enterprise.missedReport(2, NOW)).as("lapses only once").isFalse();

        enterprise.reported(NOW.plusSeconds(60));

        assertThat(enterprise.getStatus()).isEqualTo(EnterpriseStatus.ACTIVE);
        assertThat(enterprise.getConsecutiveMissedReports()).isZero();
        assertThat(enterprise.getStatusChangedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aReportBetweenMissesStartsTheCountAgain() {
        enterprise.missedReport(2, NOW);
        enterprise.reported(NOW);
        assertThat(enterprise.missedReport(2, NOW)).isFalse();
        assertThat(enterprise.getStatus()).isEqualTo(EnterpriseStatus.ACTIVE);
    }

    @Test
    void coordinatesAreKeptToTwoDecimals() {
        enterprise.locate(6.524379, 3.379206);
        assertThat(enterprise.getLatitude()).isEqualByComparingTo("6.52");
        assertThat(enterprise.getLongitude()).isEqualByComparingTo("3.38");
    }

    @Test
    void closedStaysClosed() {
        enterprise.close(NOW);
        enterprise.reported(NOW.plusSeconds(1));
        enterprise.missedReport(1, NOW.plusSeconds(2));
        assertThat(enterprise.getStatus()).isEqualTo(EnterpriseStatus.CLOSED);
        assertThat(enterprise.getClosedAt()).isEqualTo(NOW);
    }

    @Test
    void designationFollowsTheRule() {
        assertThat(Designation.of(true, false, false)).isEqualTo(Designation.CERTIFIED);
        assertThat(Designation.of(false, true, true)).isEqualTo(Designation.OSE_COMPATIBLE);
        assertThat(Designation.of(false, true, false)).isEqualTo(Designation.INSPIRED);
        assertThat(Designation.of(false, false, true)).isEqualTo(Designation.INSPIRED);
        assertThat(Designation.OSE_COMPATIBLE.key()).isEqualTo("ose-compatible");
    }

    @Test
    void mapConsentKeepsWhenItWasGivenAndWhenWithdrawn() {
        assertThat(enterprise.isConsentMap()).isFalse();
        assertThat(enterprise.withdrawMapConsent(NOW)).as("nothing to withdraw").isFalse();
        assertThat(enterprise.getMapConsentWithdrawnAt()).isNull();

        assertThat(enterprise.consentToMap(NOW)).isTrue();
        assertThat(enterprise.consentToMap(NOW.plusSeconds(5)))
                .as("already given")
                .isFalse();
        assertThat(enterprise.getConsentMapAt()).isEqualTo(NOW);

        assertThat(enterprise.withdrawMapConsent(NOW.plusSeconds(60))).isTrue();
        assertThat(enterprise.isConsentMap()).isFalse();
        assertThat(enterprise.getConsentMapAt()).as("when it was given stays").isEqualTo(NOW);
        assertThat(enterprise.getMapConsentWithdrawnAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(enterprise.withdrawMapConsent(NOW.plusSeconds(90)))
                .as("withdrawn once")
                .isFalse();
        assertThat(enterprise.getMapConsentWithdrawnAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void givingMapConsentAgainIsANewConsent() {
        enterprise.consentToMap(NOW);
        enterprise.withdrawMapConsent(NOW.plusSeconds(60));

        assertThat(enterprise.consentToMap(NOW.plusSeconds(120))).isTrue();

        assertThat(enterprise.isConsentMap()).isTrue();
        assertThat(enterprise.getConsentMapAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(enterprise.getMapConsentWithdrawnAt()).isNull();
    }
}
