package org.unionplatform.deployment;

import java.util.List;

/**
 * The five deployable applications. The module name is also the compose service, the Kubernetes
 * Deployment and Service, the image name and spring.application.name; the port is the documented
 * default, used only when the module's application.yml does not (yet) say otherwise.
 */
record Application(String name, int documentedPort, boolean domainService) {

    static final List<Application> ALL = List.of(
            new Application("gateway", 8080, false),
            new Application("organization-service", 8081, true),
            new Application("membership-service", 8082, true),
            new Application("station-service", 8083, true),
            new Application("benefits-service", 8084, true));

    static List<Application> domainServices() {
        return ALL.stream().filter(Application::domainService).toList();
    }

    static Application named(String name) {
        return ALL.stream().filter(app -> app.name().equals(name)).findFirst().orElseThrow();
    }

    SpringConfig config() {
        return SpringConfig.of(this);
    }

    /** The port the application listens on: its application.yml's server.port, else the documented one. */
    int port() {
        return config().serverPort().orElse(documentedPort);
    }

    @Override
    public String toString() {
        return name;
    }
}
