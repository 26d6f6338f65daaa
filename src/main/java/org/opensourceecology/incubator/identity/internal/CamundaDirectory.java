package org.opensourceecology.incubator.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.opensourceecology.incubator.identity.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The directory behind Camunda's identity service: its own tables, or Keycloak through
 * camunda-platform-7-keycloak, which reports an unreachable Keycloak as {@link IdentityProviderException}.
 */
@Component
class CamundaDirectory implements Directory {

    private static final Logger log = LoggerFactory.getLogger(CamundaDirectory.class);

    private final IdentityService identityService;

    CamundaDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Optional<Person> find(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return answered(() -> Optional.ofNullable(
                        identityService.createUserQuery().userId(userId).singleResult())
                .map(CamundaDirectory::toPerson));
    }

    @Override
    public Map<String, Person> findAll(Collection<String> userIds) {
        var ids = userIds.stream()
                .filter(id -> id != null && !id.isBlank())
                .distinct()
                .toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return answered(() -> identityService.createUserQuery().userIdIn(ids).list().stream()
                .map(CamundaDirectory::toPerson)
                .collect(Collectors.toMap(Person::id, Function.identity())));
    }

    @Override
    public List<Person> membersOf(String groupId) {
        return answered(
                () -> identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                        .map(CamundaDirectory::toPerson)
                        .toList());
    }

    @Override
    public Optional<String> displayName(String userId) {
        try {
            return find(userId).map(Person::displayName).or(() -> Optional.ofNullable(userId));
        } catch (Unavailable e) {
            log.warn("{}: the name of {} is left out", e.getMessage(), userId);
            return Optional.empty();
        }
    }

    private static <T> T answered(Supplier<T> query) {
        try {
            return query.get();
        } catch (IdentityProviderException e) {
            throw new Unavailable("The identity store does not answer (" + e.getMessage() + ")", e);
        }
    }

    private static Person toPerson(User user) {
        return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }
}
