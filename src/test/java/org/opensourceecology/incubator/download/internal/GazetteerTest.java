package org.opensourceecology.incubator.download.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled GeoNames extract: towns are placed when the name points at one place, never guessed. */
class GazetteerTest {

    static final Gazetteer GAZETTEER = new Gazetteer();

    @Test
    void aTownInItsCountryIsPlacedAtItsCentreToTwoDecimals() {
        var berlin = GAZETTEER.find("Berlin", "DE").orElseThrow();

        assertThat(berlin.name()).isEqualTo("Berlin");
        assertThat(berlin.countryCode()).isEqualTo("DE");
        assertThat(berlin.latitude()).isEqualTo(52.52);
        assertThat(berlin.longitude()).isEqualTo(13.41);
    }

    @Test
    void caseAccentsAndPunctuationDoNotMatter() {
        assertThat(GAZETTEER.find("saint etienne", "FR").orElseThrow().name()).isEqualTo("Saint-Étienne");
        assertThat(GAZETTEER.find("  TAMALE ", "GH")).isPresent();
    }

    @Test
    void aNameOfSeveralTownsIsNotGuessedButARegionPicksOne() {
        assertThat(GAZETTEER.find("Maysville", "US"))
                .as("five Maysvilles in the United States")
                .isEmpty();

        var byName = GAZETTEER.find("Maysville, Missouri", "US").orElseThrow();
        var byCode = GAZETTEER.find("Maysville, MO", "US").orElseThrow();

        assertThat(byName).isEqualTo(byCode);
        assertThat(byName.region()).isEqualTo("MO");
        assertThat(byName.latitude()).isEqualTo(39.89);
        assertThat(byName.longitude()).isEqualTo(-94.36);
        assertThat(GAZETTEER.find("Maysville, Atlantis", "US"))
                .as("a region that matches none leaves the name ambiguous")
                .isEmpty();
    }

    @Test
    void withoutACountryOnlyANameThatIsUniqueInTheWorldIsPlaced() {
        assertThat(GAZETTEER.find("Tamale", null).orElseThrow().countryCode()).isEqualTo("GH");
        assertThat(GAZETTEER.find("Paris", null))
                .as("France and several US towns")
                .isEmpty();
        assertThat(GAZETTEER.find("Paris, France", null).orElseThrow().countryCode())
                .as("a country after the comma narrows it down")
                .isEqualTo("FR");
    }

    @Test
    void unknownAndEmptyTownsAreNotPlaced() {
        assertThat(GAZETTEER.find("Nowhere In Particular", "DE")).isEmpty();
        assertThat(GAZETTEER.find("Berlin", "FR")).as("not in that country").isEmpty();
        assertThat(GAZETTEER.find(" ", "DE")).isEmpty();
        assertThat(GAZETTEER.find(null, null)).isEmpty();
    }

    @Test
    void entriesOfOneNameCloseTogetherAreOnePlace() {
        var gazetteer = Gazetteer.of(
                java.util.List.of(
                        new Gazetteer.Place("XX", "01", "Twin", 10.00, 10.00),
                        new Gazetteer.Place("XX", "01", "Twin", 10.10, 10.10),
                        new Gazetteer.Place("XX", "02", "Far", 10.00, 10.00),
                        new Gazetteer.Place("XX", "03", "Far", 20.00, 20.00)),
                java.util.Map.of("XX.03", "Upland"));

        assertThat(gazetteer.find("Twin", "XX").orElseThrow().latitude()).isEqualTo(10.00);
        assertThat(gazetteer.find("Far", "XX")).isEmpty();
        assertThat(gazetteer.find("Far, Upland", "XX").orElseThrow().latitude()).isEqualTo(20.00);
        assertThat(gazetteer.find("Far, 02", "XX").orElseThrow().latitude()).isEqualTo(10.00);
    }
}
