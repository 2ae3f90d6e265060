package org.unionplatform.membership.activity;

/** Who may sign up: members only, or every gig worker ("serve first, then they join"). */
public enum Audience {
    MEMBERS,
    ALL_WORKERS
}
