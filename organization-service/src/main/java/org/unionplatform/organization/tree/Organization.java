package org.unionplatform.organization.tree;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;

/**
 * A union organisation: a node of the tree with its materialized path of ancestor ids, itself included
 * ({@code /shaanxi/xian/xian-beilin/}). On real MongoDB the path index serves the anchored prefix queries of
 * subtree listings; totals never scan (they live in tallies).
 */
@Document(Organization.COLLECTION)
public class Organization extends OutboxAggregate {

    public static final String COLLECTION = "organizations";

    @Id
    private String id;
    private String name;
    private OrganizationKind kind;
    private String divisionCode;
    private Set<String> workerTypes;
    /** For platform-based unions: the platform brands whose workers they take in (e.g. 饿了么). */
    private Set<String> platforms;
    @Indexed
    private String parentId;
    @Indexed
    private String path;
    private int depth;
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private Long version;

    Organization() {
    }

    static Organization create(String id, String name, OrganizationKind kind, String divisionCode,
            Set<String> workerTypes, Set<String> platforms, Organization parent, String by, Instant at) {
        Organization organization = new Organization();
        organization.id = id;
        organization.name = name;
        organization.kind = kind;
        organization.divisionCode = divisionCode;
        organization.workerTypes = workerTypes == null ? Set.of() : Set.copyOf(workerTypes);
        organization.platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        organization.parentId = parent == null ? null : parent.id;
        organization.path = (parent == null ? "/" : parent.path) + id + "/";
        organization.depth = parent == null ? 0 : parent.depth + 1;
        organization.createdAt = at;
        organization.createdBy = by;
        organization.updatedAt = at;
        organization.updatedBy = by;
        return organization;
    }

    void announceEstablished() {
        registerEvent("organization.established", new Events.Established(id, name, kind.name(), parentId, path,
                divisionCode, workerTypes.stream().sorted().toList()));
    }

    void change(String name, String divisionCode, Set<String> workerTypes, Set<String> platforms, String by,
            Instant at) {
        this.name = name;
        this.divisionCode = divisionCode;
        this.workerTypes = workerTypes == null ? Set.of() : Set.copyOf(workerTypes);
        this.platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        this.updatedAt = at;
        this.updatedBy = by;
    }

    void moveUnder(Organization newParent, String by, Instant at) {
        String oldPath = path;
        parentId = newParent.id;
        path = newParent.path + id + "/";
        depth = newParent.depth + 1;
        updatedAt = at;
        updatedBy = by;
        registerEvent("organization.moved", new Events.Moved(id, oldPath, path));
    }

    /** Ancestor ids from the root down, without this organisation. */
    public List<String> ancestorIds() {
        List<String> ids = org.unionplatform.organization.progress.Tallies.idsOf(path);
        return ids.subList(0, ids.size() - 1);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganizationKind kind() {
        return kind;
    }

    public String divisionCode() {
        return divisionCode;
    }

    public Set<String> workerTypes() {
        return workerTypes == null ? Set.of() : workerTypes;
    }

    public Set<String> platforms() {
        return platforms == null ? Set.of() : platforms;
    }

    public String parentId() {
        return parentId;
    }

    public String path() {
        return path;
    }

    public int depth() {
        return depth;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    /** The event payloads this aggregate publishes (CONTRACTS.md). */
    static final class Events {
        private Events() {
        }

        record Established(String organizationId, String name, String kind, String parentId, String orgPath,
                String divisionCode, List<String> workerTypes) {
        }

        record Moved(String organizationId, String oldPath, String newPath) {
        }
    }
}
