package org.opensourceecology.incubator.replication.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code GET /me/enterprises}: the replicated enterprises the logged-in person owns or co-owns, and
 * whether each is on the public map. {@code POST /me/enterprises/{id}/map-consent}: they give
 * ({@code consent=true}) or withdraw ({@code consent=false}) that consent; 404 for an enterprise that
 * is not theirs.
 */
@Controller
class OwnerEnterprisesController {

    /** One enterprise of the owner, as their page shows it. */
    record OwnedEnterprise(
            long id,
            String name,
            String enterpriseSlug,
            String city,
            String country,
            String status,
            boolean closed,
            boolean pinned,
            MapConsent map) {}

    /** The consent to the public map: whether it holds, when it was given and when withdrawn (UTC dates). */
    record MapConsent(boolean given, LocalDate givenOn, LocalDate withdrawnOn) {}

    private final ReplicationService replication;

    OwnerEnterprisesController(ReplicationService replication) {
        this.replication = replication;
    }

    @GetMapping("/me/enterprises")
    String enterprises(Model model) {
        var user = currentUser();
        model.addAttribute(
                "enterprises",
                replication.ownedBy(user.id()).stream()
                        .map(OwnerEnterprisesController::view)
                        .toList());
        return "replication/my-enterprises";
    }

    @PostMapping("/me/enterprises/{enterpriseId}/map-consent")
    RedirectView decideMapConsent(@PathVariable long enterpriseId, @RequestParam boolean consent) {
        var user = currentUser();
        try {
            replication.decideMapConsent(enterpriseId, user.id(), consent);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage(), e);
        }
        var back = new RedirectView("/me/enterprises#enterprise-" + enterpriseId, true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return back;
    }

    static OwnedEnterprise view(ReplicatedEnterprise e) {
        return new OwnedEnterprise(
                e.getId(),
                e.getName(),
                e.getEnterpriseSlug(),
                e.getCity(),
                e.getCountry(),
                e.getStatus().name().toLowerCase(java.util.Locale.ROOT),
                e.getStatus() == EnterpriseStatus.CLOSED,
                e.getLatitude() != null && e.getLongitude() != null,
                new MapConsent(e.isConsentMap(), date(e.getConsentMapAt()), date(e.getMapConsentWithdrawnAt())));
    }

    private static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static CurrentUser currentUser() {
        return CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
