package org.opensourceecology.incubator.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.opensourceecology.incubator.training.JourneyProcess;

/** service_register_application passes the start form's consent checkbox on to the application. */
class RegisterTrainingApplicationTest {

    final Training training = mock(Training.class);
    final RegisterTrainingApplication delegate = new RegisterTrainingApplication(training);

    @ParameterizedTest(name = "checkbox {0} -> consent {1}")
    @CsvSource({"true, true", "false, false"})
    void readsTheConsentCheckbox(Boolean ticked, boolean consent) {
        var variables = startForm();
        variables.put(JourneyProcess.CONSENT_PUBLIC_DOCUMENTATION.name(), ticked);

        assertThat(register(variables).consentPublicDocumentation()).isEqualTo(consent);
    }

    @Test
    void noCheckboxMeansNoConsent() {
        // an older start form, or a journey started through the REST API without the variable
        assertThat(register(startForm()).consentPublicDocumentation()).isFalse();
    }

    @Test
    void setsTheApplicationIdAndBusinessKey() {
        var execution = execution(startForm());
        when(training.register(any())).thenReturn(42L);

        delegate.execute(execution);

        verify(execution).setVariable(JourneyProcess.APPLICATION_ID.name(), 42L);
        verify(execution).setProcessBusinessKey("application-42");
    }

    private Training.Application register(Map<String, Object> variables) {
        when(training.register(any())).thenReturn(7L);
        delegate.execute(execution(variables));
        var application = ArgumentCaptor.forClass(Training.Application.class);
        verify(training).register(application.capture());
        assertThat(application.getValue().traineeId()).isEqualTo("trainee");
        assertThat(application.getValue().enterpriseSlug()).isEqualTo("ceb-press");
        return application.getValue();
    }

    private static Map<String, Object> startForm() {
        var variables = new HashMap<String, Object>();
        variables.put(JourneyProcess.TRAINEE_ID.name(), "trainee");
        variables.put(JourneyProcess.ENTERPRISE_SLUG.name(), "ceb-press");
        variables.put(JourneyProcess.MOTIVATION.name(), "I want to build houses from local soil.");
        variables.put(JourneyProcess.CITY.name(), "Accra");
        variables.put(JourneyProcess.COUNTRY.name(), "Ghana");
        return variables;
    }

    private static DelegateExecution execution(Map<String, Object> variables) {
        var execution = mock(DelegateExecution.class);
        when(execution.getVariable(any())).thenAnswer(invocation -> variables.get(invocation.<String>getArgument(0)));
        return execution;
    }
}
