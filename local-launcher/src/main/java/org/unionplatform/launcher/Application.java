package org.unionplatform.launcher;

import java.nio.file.Path;
import java.util.List;

/** One of the platform's runnable applications: its Maven module (= jar name = application name) and port. */
record Application(String module, int port) {

    static final Application GATEWAY = new Application("gateway", 8080);
    static final Application ORGANIZATION = new Application("organization-service", 8081);
    static final Application MEMBERSHIP = new Application("membership-service", 8082);
    static final Application STATION = new Application("station-service", 8083);
    static final Application BENEFITS = new Application("benefits-service", 8084);

    /** Services first: the gateway is most useful once they answer, and starts no faster. */
    static final List<Application> ALL = List.of(ORGANIZATION, MEMBERSHIP, STATION, BENEFITS, GATEWAY);

    static final List<Application> SERVICES = List.of(ORGANIZATION, MEMBERSHIP, STATION, BENEFITS);

    Path jar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    boolean isGateway() {
        return this.equals(GATEWAY);
    }

    /** {@code organization-service} becomes {@code ORGANIZATION_SERVICE_URI}, where the others find it. */
    String uriVariable() {
        return variablePrefix() + "_URI";
    }

    /** {@code organization-service} becomes {@code ORGANIZATION_SERVICE}, as in environment variable names. */
    String variablePrefix() {
        return module.toUpperCase().replace('-', '_');
    }
}
