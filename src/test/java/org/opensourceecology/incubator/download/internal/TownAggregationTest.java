package org.opensourceecology.incubator.download.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensourceecology.incubator.download.DownloaderTown;
import org.opensourceecology.incubator.download.internal.TownAggregation.Row;

/**
 * Consenting downloads become towns: spellings of one town add up, unknown towns stay (unplaced), and
 * nothing below two downloads is published beyond the town's name.
 */
class TownAggregationTest {

    static final Gazetteer GAZETTEER = Gazetteer.of(
            List.of(
                    new Gazetteer.Place("DE", "16", "Berlin", 52.52, 13.41),
                    new Gazetteer.Place("US", "MO", "Maysville", 39.89, -94.36),
                    new Gazetteer.Place("US", "KY", "Maysville", 38.64, -83.74),
                    new Gazetteer.Place("GH", "06", "Tamale", 9.40, -0.84)),
            Map.of("US.MO", "Missouri", "US.KY", "Kentucky"));

    @Test
    void spellingsOfOnePlaceAddUpAndShowPerEnterpriseCountsFromTwo() {
        var towns = TownAggregation.aggregate(
                List.of(
                        new Row("Berlin", "Germany", "ceb-press", 2),
                        new Row("berlin", "DE", "ceb-press", 1),
                        new Row("BERLIN ", "Deutschland", "d3d-universal", 1),
                        new Row("Berlin", null, "d3d-universal", 0)),
                GAZETTEER);

        assertThat(towns).hasSize(1);
        var berlin = towns.get(0);
        assertThat(berlin.city()).isEqualTo("Berlin");
        assertThat(berlin.countryCode()).isEqualTo("DE");
        assertThat(berlin.country()).isEqualTo("Germany");
        assertThat(berlin.latitude()).isEqualTo(52.52);
        assertThat(berlin.longitude()).isEqualTo(13.41);
        assertThat(berlin.downloads()).isEqualTo(4);
        assertThat(berlin.downloadsByEnterprise())
                .as("one download of d3d-universal from Berlin is one person's choice: not shown")
                .containsExactly(Map.entry("ceb-press", 3L));
    }

    @Test
    void aSingleDownloadersTownIsShownByNameAndNothingElse() {
        var towns = TownAggregation.aggregate(List.of(new Row("Tamale", "Ghana", "ceb-press", 1)), GAZETTEER);

        assertThat(towns).singleElement().satisfies(t -> {
            assertThat(t.city()).isEqualTo("Tamale");
            assertThat(t.placed()).isTrue();
            assertThat(t.downloads()).isNull();
            assertThat(t.downloadsByEnterprise()).isEmpty();
        });
    }

    @Test
    void aRegionTellsTownsOfOneNameApartAndTheSameTownWrittenTwoWaysIsOne() {
        var towns = TownAggregation.aggregate(
                List.of(
                        new Row("Maysville, Missouri", "United States", "ceb-press", 1),
                        new Row("Maysville, MO", "USA", "ceb-press", 1),
                        new Row("Maysville, Kentucky", "US", "ceb-press", 1),
                        new Row("Maysville", "US", "ceb-press", 3)),
                GAZETTEER);

        assertThat(towns)
                .extracting(DownloaderTown::city, DownloaderTown::latitude, DownloaderTown::downloads)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Maysville", 39.89, 2L),
                        org.assertj.core.groups.Tuple.tuple("Maysville", 38.64, null),
                        org.assertj.core.groups.Tuple.tuple("Maysville", null, 3L));
    }

    @Test
    void anUnknownTownIsListedUnplacedUnderItsCommonestSpellingPerCountry() {
        var towns = TownAggregation.aggregate(
                List.of(
                        new Row("Springfeld", "Narnia", "ceb-press", 1),
                        new Row("springfeld", "narnia", "ceb-press", 2),
                        new Row("Springfeld", "Ghana", "ceb-press", 2)),
                GAZETTEER);

        assertThat(towns).hasSize(2);
        var ghana = towns.get(0);
        assertThat(ghana.country()).isEqualTo("Ghana");
        assertThat(ghana.countryCode()).isEqualTo("GH");
        assertThat(ghana.placed()).isFalse();
        var narnia = towns.get(1);
        assertThat(narnia.city()).isEqualTo("springfeld");
        assertThat(narnia.country()).isEqualTo("narnia");
        assertThat(narnia.countryCode()).isNull();
        assertThat(narnia.downloads()).isEqualTo(3);
        assertThat(narnia.latitude()).isNull();
    }

    @Test
    void anEmailOrALinkTypedAsTheTownIsNeverPublished() {
        var towns = TownAggregation.aggregate(
                List.of(
                        new Row("me@example.org", "Ghana", "ceb-press", 1),
                        new Row("https://example.org/me", "Ghana", "ceb-press", 1),
                        new Row(" ", "Ghana", "ceb-press", 1),
                        new Row(null, "Ghana", "ceb-press", 1)),
                GAZETTEER);

        assertThat(towns).isEmpty();
    }

    @Test
    void townsAreOrderedByCountryThenTownWithNoCountryLast() {
        var towns = TownAggregation.aggregate(
                List.of(
                        new Row("Zeta", null, "ceb-press", 1),
                        new Row("Tamale", "Ghana", "ceb-press", 1),
                        new Row("Berlin", "Germany", "ceb-press", 1),
                        new Row("Accra Nowhere", "Ghana", "ceb-press", 1)),
                GAZETTEER);

        assertThat(towns).extracting(DownloaderTown::city).containsExactly("Berlin", "Accra Nowhere", "Tamale", "Zeta");
    }
}
