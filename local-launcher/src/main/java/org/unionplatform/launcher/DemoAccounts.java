package org.unionplatform.launcher;

import java.util.List;

/**
 * The demo staff accounts organization-service creates on the first start with demo data (one per role, scoped to
 * the demo organisations and stations), all with the demo password from {@link LocalSecrets}; listed here so the
 * launcher can print them.
 */
record DemoAccounts(String role, String username) {

    static final List<DemoAccounts> ALL = List.of(
            new DemoAccounts("administrator", "demo-admin"),
            new DemoAccounts("organizer", "beilin-organizer"),
            new DemoAccounts("benefit officer", "xianyang-officer"),
            new DemoAccounts("attendant", "xy-attendant"));
}
