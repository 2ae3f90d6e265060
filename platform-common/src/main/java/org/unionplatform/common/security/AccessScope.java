package org.unionplatform.common.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.AccessDeniedException;
import org.unionplatform.common.web.ResourceNotFoundException;

/**
 * A caller's reach, applied where the data is read: list and search queries get a {@link Criteria}
 * that MongoDB evaluates (so nothing out of scope is ever loaded or counted), single objects get a
 * check that answers 404 when out of scope (existence must not leak), and forbidden functions 403.
 *
 * <pre>{@code
 * AccessScope scope = AccessScope.of(caller);
 * Query query = Query.query(new Criteria().andOperator(scope.subtree("orgPath"), Criteria.where("status").is(status)));
 * Enterprise found = scope.requireInSubtree(repository.findById(id), Enterprise::orgPath, "Enterprise", id);
 * }</pre>
 * ADMIN is unrestricted; a caller without the kind of scope a check needs reaches nothing.
 */
public final class AccessScope {

    private static final Criteria NOTHING = Criteria.where("_id").in(List.of());

    private final Caller caller;

    private AccessScope(Caller caller) {
        this.caller = caller;
    }

    public static AccessScope of(Caller caller) {
        return new AccessScope(caller);
    }

    /** Documents whose {@code orgPathField} lies in the caller's organisation subtree (a prefix match). */
    public Criteria subtree(String orgPathField) {
        if (caller.isAdmin()) {
            return new Criteria();
        }
        if (caller.orgPath() == null || caller.orgPath().isBlank()) {
            return NOTHING;
        }
        // An anchored prefix regex can use an index on the field; ids are escaped, never interpreted.
        return Criteria.where(orgPathField).regex("^" + escape(caller.orgPath()));
    }

    /** Documents whose {@code stationIdField} is one of the attendant's stations. */
    public Criteria stations(String stationIdField) {
        if (caller.isAdmin()) {
            return new Criteria();
        }
        return caller.stations().isEmpty() ? NOTHING : Criteria.where(stationIdField).in(caller.stations());
    }

    /** Documents whose {@code memberIdField} is the calling member's own id. */
    public Criteria self(String memberIdField) {
        if (caller.isAdmin()) {
            return new Criteria();
        }
        return caller.memberId() == null ? NOTHING : Criteria.where(memberIdField).is(caller.memberId());
    }

    public boolean coversOrgPath(String orgPath) {
        return caller.isAdmin() || (caller.orgPath() != null && !caller.orgPath().isBlank()
                && orgPath != null && orgPath.startsWith(caller.orgPath()));
    }

    public boolean coversStation(String stationId) {
        return caller.isAdmin() || (stationId != null && caller.stations().contains(stationId));
    }

    public boolean isSelf(String memberId) {
        return caller.isAdmin() || (memberId != null && memberId.equals(caller.memberId()));
    }

    /** The object if its organisation path is in the caller's subtree; otherwise 404, as if it did not exist. */
    public <T> T requireInSubtree(Optional<T> found, Function<T, String> orgPathOf, String resource, Object id) {
        return found.filter(object -> coversOrgPath(orgPathOf.apply(object)))
                .orElseThrow(() -> new ResourceNotFoundException(resource, id));
    }

    /** The object if it belongs to one of the caller's stations; otherwise 404. */
    public <T> T requireStation(Optional<T> found, Function<T, String> stationIdOf, String resource, Object id) {
        return found.filter(object -> coversStation(stationIdOf.apply(object)))
                .orElseThrow(() -> new ResourceNotFoundException(resource, id));
    }

    /** The object if it is the calling member's own; otherwise 404. */
    public <T> T requireSelf(Optional<T> found, Function<T, String> memberIdOf, String resource, Object id) {
        return found.filter(object -> isSelf(memberIdOf.apply(object)))
                .orElseThrow(() -> new ResourceNotFoundException(resource, id));
    }

    /** 403 unless the caller holds one of the roles: for functions, not for objects (those answer 404). */
    public void requireAnyRole(Role... roles) {
        if (!caller.hasAny(roles)) {
            throw new AccessDeniedException("This function needs one of the roles " + List.of(roles));
        }
    }

    private static String escape(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
