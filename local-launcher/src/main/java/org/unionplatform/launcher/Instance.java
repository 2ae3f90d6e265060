package org.unionplatform.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One running copy of an application. With {@code --replicas N} each domain service runs N times, the n-th copy on
 * its application's port + 10 x (n - 1): organization-service 8081, 8091, 8101, 8111; membership-service 8082, 8092...
 * The gateway runs once, on 8080, and balances over the copies. {@code LOCAL_PORT_OFFSET} moves every port (a second
 * platform on the same machine: offset 100 puts the gateway on 8180).
 */
record Instance(Application application, int number, int portOffset) {

    static final int PORT_STEP = 10;
    /** Four copies of four services end on 8114, below anything else the platform uses. */
    static final int MAX_REPLICAS = 4;

    Instance(Application application, int number) {
        this(application, number, 0);
    }

    Instance {
        if (number < 1 || number > MAX_REPLICAS || (application.isGateway() && number != 1)) {
            throw new IllegalArgumentException(application.module() + " has no instance " + number);
        }
    }

    int port() {
        return application.port() + portOffset + PORT_STEP * (number - 1);
    }

    /** The module name for the first copy (as with a single instance), then {@code membership-service-2}... */
    String name() {
        return number == 1 ? application.module() : application.module() + "-" + number;
    }

    String localUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Every instance to run, services first (each service's copies together), the gateway last. */
    static List<Instance> all(int replicas) {
        return all(replicas, 0);
    }

    static List<Instance> all(int replicas, int portOffset) {
        List<Instance> instances = new ArrayList<>();
        for (Application application : Application.ALL) {
            int copies = application.isGateway() ? 1 : replicas;
            for (int number = 1; number <= copies; number++) {
                instances.add(new Instance(application, number, portOffset));
            }
        }
        return List.copyOf(instances);
    }

    /** What the gateway's {@code MEMBERSHIP_SERVICE_URI} and its siblings hold: every copy, comma separated. */
    static String urls(Application service, int replicas, int portOffset) {
        return all(replicas, portOffset).stream().filter(instance -> instance.application().equals(service))
                .map(Instance::localUrl).collect(Collectors.joining(","));
    }
}
