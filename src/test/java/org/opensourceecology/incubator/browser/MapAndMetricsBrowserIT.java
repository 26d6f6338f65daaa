package org.opensourceecology.incubator.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.opensourceecology.incubator.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scenario 5: a newly registered replicated enterprise appears on the public map (the list under it
 * and a pin drawn by Leaflet, even though map tiles cannot load here), so does the town of a visitor
 * who downloaded a manual and ticked "show my town" (a square in its own layer, which its checkbox
 * hides and shows), and the metrics page draws its charts with the figures as tables beside them.
 */
@IntegrationTest
class MapAndMetricsBrowserIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @BeforeEach
    void pointTheBrowserAtThisApplication() {
        browser.at(port);
    }

    @Test
    void newEnterpriseIsOnTheMapAndTheMetricsPageDrawsItsCharts() throws Exception {
        // Albania sorts early in the list under the map, which is ordered by country, town and name.
        String name = "Berat Bricks " + UUID.randomUUID().toString().substring(0, 8);
        long replicatedBefore = replicatedShownOnMetricsPage();
        assertThat(register(name)).isEqualTo(202);

        browser.logOut();
        // A visitor downloads the CEB Press manual and agrees to show their town (Berat, Albania).
        browser.open("/enterprises/ceb-press?lang=en");
        browser.driver().findElement(By.id("city")).sendKeys("Berat");
        browser.driver().findElement(By.id("country")).sendKeys("Albania");
        browser.click(By.id("consentMap"));
        browser.click(By.cssSelector("#download button[type=submit]"));
        // 303 to the Operations Manual, which lives on another host (unreachable from the test browser)
        browser.waiting().until(d -> !d.getCurrentUrl().contains("/enterprises/ceb-press"));

        browser.open("/map");
        browser.waiting().until(d -> d.getPageSource().contains(name));
        // Leaflet draws each consenting enterprise as a pin (a keyboard-focusable div), tiles or no tiles.
        browser.waiting()
                .until(d -> !d.findElements(By.cssSelector("#map .leaflet-marker-icon"))
                        .isEmpty());
        // The visitor's town: a square of the layer "where people are learning", and a row in its table.
        By town = By.cssSelector("#map .map-town[aria-label^='Berat, Albania']");
        browser.visible(town);
        assertThat(browser.driver().findElement(By.id("towns-table")).getText()).contains("Berat");
        browser.screenshot("map");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('map-layers').scrollIntoView()");
        browser.screenshot("map-legend-and-tables");
        // Its checkbox hides the layer and shows it again; the enterprises stay.
        By townsLayer = By.cssSelector("#map-layers input[data-layer='learning-town']");
        browser.click(townsLayer);
        browser.waiting().until(d -> d.findElements(town).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector("#map .map-pin")))
                .isNotEmpty();
        browser.click(townsLayer);
        browser.visible(town);

        // The figures are a snapshot refreshed every few seconds: reload until it counts the new one.
        browser.waiting().until(d -> replicatedShownOnMetricsPage() > replicatedBefore);
        browser.visible(By.id("funnel-table"));
        browser.waiting()
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return typeof Chart !== 'undefined'"
                                + " && Chart.getChart('funnel-chart') !== undefined"
                                + " && Chart.getChart('months-chart') !== undefined")));
        String funnel = browser.driver().findElement(By.id("funnel-table")).getText();
        assertThat(funnel).isNotBlank();
        browser.screenshot("metrics");
    }

    /** The headline figure "Enterprises replicated" as the metrics page shows it. */
    private long replicatedShownOnMetricsPage() {
        browser.open("/metrics");
        String figure = browser.visible(By.cssSelector(".headline li:nth-child(2) .figure"))
                .getText()
                .replaceAll("[^0-9]", "");
        return Long.parseLong(figure);
    }

    private int register(String name) throws Exception {
        String json = "{\"name\":\"" + name + "\",\"enterpriseSlug\":\"ceb-press\",\"city\":\"Berat\","
                + "\"country\":\"Albania\",\"latitude\":40.70,\"longitude\":19.95,\"consentMap\":true}";
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/replications"))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("trainee:trainee".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
