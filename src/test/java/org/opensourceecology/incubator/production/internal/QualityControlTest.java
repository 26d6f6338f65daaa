package org.opensourceecology.incubator.production.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityControlTest {

    @Test
    void runWithoutUnitsHasPassRateZero() {
        assertThat(QualityControl.passRate(List.of())).isZero();
    }

    @Test
    void unitPassesOnlyWhenEveryCheckPassed() {
        var units = List.of(
                new QualityControl.UnitResult("CEB-001", 5, 5),
                new QualityControl.UnitResult("CEB-002", 5, 4),
                new QualityControl.UnitResult("CEB-003", 5, 5),
                new QualityControl.UnitResult("CEB-004", 5, 5));

        assertThat(QualityControl.passRate(units)).isEqualTo(0.75);
    }

    @Test
    void uncheckedUnitDoesNotPass() {
        var units = List.of(new QualityControl.UnitResult("D3D-1", 0, 0), new QualityControl.UnitResult("D3D-2", 3, 3));

        assertThat(QualityControl.passRate(units)).isEqualTo(0.5);
    }
}
