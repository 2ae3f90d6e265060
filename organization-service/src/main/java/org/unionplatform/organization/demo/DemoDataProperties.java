package org.unionplatform.organization.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.demo-data}: whether to load the demo tree, companies, targets and staff accounts on first
 * start, and the password of the demo staff accounts (the launcher sets one and prints it; without it no
 * account is created). With {@code background} (the launcher sets it) the accounts are created before the service is
 * ready and the tree behind it, so ./run.sh is up within its 30 s; tests load everything before they start.
 */
@ConfigurationProperties("platform.demo-data")
record DemoDataProperties(boolean enabled, String password, boolean background) {
}
