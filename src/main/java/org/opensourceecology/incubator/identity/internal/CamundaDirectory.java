package org.opensourceecology.incubator.identity.internal;

import java.util.List;
import java.util.Optional;
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
    public List<Person> membersOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(CamundaDirectory::toPerson)
                .toList();
    }

    private static Person toPerson(User user) {
        return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }
}
