package org.opensourceecology.incubator.replication.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.opensourceecology.incubator.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/replications}: anyone logged in registers the enterprise they run (202 with the
 * process instance id); {@code POST /api/replications/{id}/closure}: its owner or an admin closes it;
 * {@code PUT /api/replications/{id}/map-consent} with {@code {"consent": false}} (or {@code true}): an
 * owner withdraws (or gives) the consent to be on the public map, 404 when the enterprise is not theirs.
 */
@RestController
class ReplicationApiController {

    private final ReplicationProcessPort port;
    private final ReplicationService replication;
    private final ReplicatedEnterprises enterprises;

    ReplicationApiController(
            ReplicationProcessPort port, ReplicationService replication, ReplicatedEnterprises enterprises) {
        this.port = port;
        this.replication = replication;
        this.enterprises = enterprises;
    }

    @PostMapping("/api/replications")
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegistrationDetails details) {
        var user = CurrentUser.get().orElseThrow(() -> new ReplicationApiErrors.Forbidden("Log in to register"));
        var started = port.register(user.id(), details);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of(
                        "processInstanceId", started.processInstanceId(),
                        "replicatedEnterpriseId", started.replicatedEnterpriseId()));
    }

    /** The body of {@code PUT /api/replications/{id}/map-consent}. */
    record MapConsentChange(@NotNull Boolean consent) {}

    @PutMapping(path = "/api/replications/{id}/map-consent", consumes = "application/json")
    ResponseEntity<Map<String, Object>> decideMapConsent(
            @PathVariable long id, @Valid @RequestBody MapConsentChange change) {
        var user = CurrentUser.get().orElseThrow(() -> new ReplicationApiErrors.Forbidden("Log in to decide"));
        ReplicatedEnterprise enterprise;
        try {
            enterprise = replication.decideMapConsent(id, user.id(), change.consent());
        } catch (NoSuchElementException e) {
            throw new ReplicationApiErrors.NotFound(id);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("id", id);
        body.put("consentMap", enterprise.isConsentMap());
        body.put("consentMapAt", enterprise.getConsentMapAt());
        body.put("mapConsentWithdrawnAt", enterprise.getMapConsentWithdrawnAt());
        return ResponseEntity.ok(body);
    }

    @PostMapping("/api/replications/{id}/closure")
    ResponseEntity<Map<String, Object>> close(@PathVariable long id) {
        var enterprise = enterprises.findById(id).orElseThrow(() -> new ReplicationApiErrors.NotFound(id));
        var user = CurrentUser.get().orElseThrow(() -> new ReplicationApiErrors.Forbidden("Log in to close"));
        if (!user.isAdmin() && !enterprise.isOwnedBy(user.id())) {
            throw new ReplicationApiErrors.Forbidden("Only an owner or an admin may close this enterprise");
        }
        if (enterprise.getStatus() == EnterpriseStatus.CLOSED) {
            return ResponseEntity.ok(Map.of("id", id, "status", EnterpriseStatus.CLOSED.name()));
        }
        if (!port.close(id)) {
            // no process waits (e.g. its instance was removed in Cockpit): close the record itself
            replication.close(id);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("id", id, "status", EnterpriseStatus.CLOSED.name()));
    }
}
