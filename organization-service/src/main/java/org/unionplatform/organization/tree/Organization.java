package org.unionplatform.organization.tree;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionplatform.common.events.OutboxAggregate;
import org.unionplatform.common.reference.DivisionCodes;
import org.unionplatform.common.web.BusinessRuleViolationException;
import org.unionplatform.common.web.PlatformProblemException;
import org.unionplatform.organization.events.OrganizationEstablished;
import org.unionplatform.organization.events.OrganizationMoved;
import org.unionplatform.organization.tally.Tally;

/**
 * A union organisation: a node of the tree with its materialized path of ancestor ids, itself included
 * ({@code /shaanxi/xian/xian-beilin/}). On real MongoDB the path index serves the anchored prefix queries of
 * subtree listings; totals never scan (they live in tallies).
 */
@CompoundIndex(name = "kind_path", def = "{'kind': 1, 'path': 1}")
@CompoundIndex(name = "parentId_path", def = "{'parentId': 1, 'path': 1}")
@Document(Organization.COLLECTION)
@CompoundIndex(name = "dispatch", def = "{'kind': 1, 'divisionCode': 1}")
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
    /** How a worker reaches the union (the public directory); null until someone enters it. */
    private Contact contact;
    @Version
    private Long version;

    Organization() {
    }

    /**
     * A new organisation under {@code parent} (null: a root). The kind decides the division level; a child lies
     * inside its parent's division; a platform-based union names its platforms.
     */
    static Organization create(String id, String name, OrganizationKind kind, String divisionCode,
            Set<String> workerTypes, Set<String> platforms, Organization parent, String by, Instant at) {
        checkShape(kind, divisionCode, platforms, parent);
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
        registerEvent(new OrganizationEstablished(id, name, kind.name(), parentId, path, divisionCode,
                workerTypes.stream().sorted().toList()));
    }

    /** New name, division and worker types; the division still lies within the parent's and holds the children's. */
    void change(String name, String divisionCode, Set<String> workerTypes, Set<String> platforms,
            Organization parent, List<Organization> children, String by, Instant at) {
        checkShape(kind, divisionCode, platforms, parent);
        for (Organization child : children) {
            if (!DivisionCodes.contains(divisionCode, child.divisionCode)) {
                throw rule("division-within-parent", "divisionCode",
                        "The new division does not contain the division of child " + child.id + ".");
            }
        }
        this.name = name;
        this.divisionCode = divisionCode;
        this.workerTypes = workerTypes == null ? Set.of() : Set.copyOf(workerTypes);
        this.platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /**
     * Moves the subtree under {@code newParent} and announces it; false (and nothing happens) when it is there
     * already. Never under itself or a descendant; the new parent's division contains this one's.
     */
    boolean moveUnder(Organization newParent, String by, Instant at) {
        if (newParent.path.startsWith(path)) {
            throw rule("no-cycle", "newParentId",
                    "An organisation cannot move under itself or one of its own descendants.");
        }
        if (newParent.id.equals(parentId)) {
            return false;
        }
        if (!DivisionCodes.contains(newParent.divisionCode, divisionCode)) {
            throw rule("division-within-parent", "newParentId",
                    "The new parent's division does not contain this organisation's division.");
        }
        String oldPath = path;
        parentId = newParent.id;
        path = newParent.path + id + "/";
        depth = newParent.depth + 1;
        updatedAt = at;
        updatedBy = by;
        registerEvent(new OrganizationMoved(id, oldPath, path));
        return true;
    }

    /** The kind decides the division level; a child lies inside its parent's division (the founding checks it too). */
    public static void checkShape(OrganizationKind kind, String divisionCode, Set<String> platforms,
            Organization parent) {
        if (kind.divisionLevel() != null && DivisionCodes.level(divisionCode) != kind.divisionLevel()) {
            throw rule("division-level", "divisionCode",
                    "A " + kind + " needs a " + kind.divisionLevel().name().toLowerCase() + "-level division code.");
        }
        if (parent != null && !DivisionCodes.contains(parent.divisionCode(), divisionCode)) {
            throw rule("division-within-parent", "divisionCode",
                    "The division must lie within the parent's division " + parent.divisionCode() + ".");
        }
        if (kind == OrganizationKind.PLATFORM_UNION && (platforms == null || platforms.isEmpty())) {
            throw rule("platform-union-needs-platforms", "platforms",
                    "A platform-based union names the platforms whose workers it takes in.");
        }
    }

    /**
     * The union's office address and phone, and how to join it in its own words (null: the directory says the
     * platform's way, apply on the phone).
     */
    public record Contact(String address, String officePhone, String howToJoin) {
    }

    public void changeContact(Contact contact, String by, Instant at) {
        this.contact = contact;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** Ancestor ids from the root down, without this organisation. */
    public List<String> ancestorIds() {
        List<String> ids = Tally.idsOf(path);
        return ids.subList(0, ids.size() - 1);
    }

    static PlatformProblemException rule(String rule, String field, String detail) {
        return new BusinessRuleViolationException(rule, detail).with("field", field);
    }

    public String id() { return id; }
    public String name() { return name; }
    public OrganizationKind kind() { return kind; }
    public String divisionCode() { return divisionCode; }
    public Set<String> workerTypes() { return workerTypes == null ? Set.of() : workerTypes; }
    public Set<String> platforms() { return platforms == null ? Set.of() : platforms; }
    public String parentId() { return parentId; }
    public String path() { return path; }
    public int depth() { return depth; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public Contact contact() { return contact; }
}
