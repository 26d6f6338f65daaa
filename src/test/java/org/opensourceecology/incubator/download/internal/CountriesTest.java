package org.opensourceecology.incubator.download.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A typed country is recognised by code or name, in the portal's languages and its own. */
class CountriesTest {

    @ParameterizedTest
    @CsvSource({
        "Germany, DE",
        "Alemania, DE",
        "Allemagne, DE",
        "Deutschland, DE",
        "de, DE",
        "DEU, DE",
        "United States, US",
        "USA, US",
        "Estados Unidos, US",
        "États-Unis, US",
        "etats unis, US",
        "UK, GB",
        "England, GB",
        "Ghana, GH",
        "México, MX",
        "Côte d’Ivoire, CI"
    })
    void recognises(String typed, String code) {
        assertThat(Countries.code(typed)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Narnia", "", " ", "Berlin"})
    void doesNotGuess(String typed) {
        assertThat(Countries.code(typed)).isEmpty();
    }
}
