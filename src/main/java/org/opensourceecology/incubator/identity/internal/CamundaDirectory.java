package org.opensourceecology.incubator.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.opensourceecology.incubator.identity.Directory;
import org.springframework.stereotype.Component;

@Component
class CamundaDirectory implements Directory {

    private final IdentityService identityService;

    CamundaDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Optional<Person> find(String userId) {
        if (userId == null || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                        identityService.createUserQuery().userId(userId).singleResult())
                .map(CamundaDirectory::toPerson);
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
        return identityService.createUserQuery().userIdIn(ids).list().stream()
                .map(CamundaDirectory::toPerson)
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    @Override
    public List<Person> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(CamundaDirectory::toPerson)
                .toList();
    }

    private static Person toPerson(User user) {
        return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }
}
