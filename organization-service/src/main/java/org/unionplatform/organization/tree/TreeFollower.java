package org.unionplatform.organization.tree;

/**
 * What another feature keeps about an organisation that must follow it when the tree changes (targets name their
 * parent). {@link Organizations} calls every follower in the same request, after the change is stored; features
 * above the tree implement it, so the tree depends on none of them.
 */
public interface TreeFollower {

    /** The organisation now sits under {@code organization.parentId()}. */
    void moved(Organization organization);

    /** The organisation is gone. */
    void deleted(Organization organization);
}
