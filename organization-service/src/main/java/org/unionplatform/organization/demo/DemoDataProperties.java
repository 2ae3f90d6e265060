package org.unionplatform.organization.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.demo-data}: whether to load the demo tree, companies, targets and staff accounts on first
 * start, and the password of the demo staff accounts (the launcher sets one and prints it; without it no
 * account is created).
 */
@ConfigurationProperties("platform.demo-data")
record DemoDataProperties(boolean enabled, String password) {
}
