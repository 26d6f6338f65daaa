package org.opensourceecology.incubator.identity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request: their Camunda user id and group ids. */
public record CurrentUser(String id, Set<String> groups) {

    public CurrentUser {
        groups = Set.copyOf(groups);
    }

    public static Optional<CurrentUser> get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Roles.AUTHORITY_PREFIX))
                .map(a -> a.substring(Roles.AUTHORITY_PREFIX.length()))
                .collect(Collectors.toSet());
        return Optional.of(new CurrentUser(authentication.getName(), groups));
    }

    public boolean isIn(String groupId) {
        return groups.contains(groupId);
    }

    public boolean isAdmin() {
        return isIn(Roles.ADMINS);
    }
}
