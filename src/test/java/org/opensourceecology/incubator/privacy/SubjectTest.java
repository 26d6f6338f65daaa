package org.opensourceecology.incubator.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SubjectTest {

    @Test
    void needsAUserIdOrAnEmail() {
        assertThatThrownBy(() -> Subject.of(" ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisesTheEmailAndDrawsACamundaCompatiblePseudonymPerErasure() {
        var subject = Subject.of(null, "  Ada@Example.ORG ");
        assertThat(subject.email()).isEqualTo("ada@example.org");
        assertThat(subject.pseudonym()).matches("erased[0-9a-f]{16}");
        assertThat(Subject.of(null, "ada@example.org").pseudonym()).isNotEqualTo(subject.pseudonym());
    }

    @Test
    void keepsThePseudonymWhenCompleted() {
        var subject = Subject.of("ada", null);
        var completed = subject.withEmail("ada@example.org").withNames(Arrays.asList("Ada", null, " "));
        assertThat(completed.pseudonym()).isEqualTo(subject.pseudonym());
        assertThat(completed.names()).containsExactly("Ada");
        assertThat(completed.userId()).isEqualTo("ada");
    }
}
