package org.unionplatform.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceTest {

    @Test
    void oneReplicaIsTheFiveApplicationsOnTheirUsualPortsAndNames() {
        assertThat(Instance.all(1)).extracting(Instance::name).containsExactly("organization-service",
                "membership-service", "station-service", "benefits-service", "gateway");
        assertThat(Instance.all(1)).extracting(Instance::port).containsExactly(8081, 8082, 8083, 8084, 8080);
    }

    @Test
    void twoReplicasAddASecondCopyOfEachServiceTenPortsHigherAndOneGateway() {
        assertThat(Instance.all(2)).extracting(Instance::name).containsExactly(
                "organization-service", "organization-service-2", "membership-service", "membership-service-2",
                "station-service", "station-service-2", "benefits-service", "benefits-service-2", "gateway");
        assertThat(Instance.all(2)).extracting(Instance::port)
                .containsExactly(8081, 8091, 8082, 8092, 8083, 8093, 8084, 8094, 8080);
    }

    @Test
    void theMostReplicasStillHaveDistinctPorts() {
        assertThat(Instance.all(Instance.MAX_REPLICAS)).extracting(Instance::port).doesNotHaveDuplicates()
                .hasSize(4 * Instance.MAX_REPLICAS + 1).allMatch(port -> port >= 8080 && port <= 8114);
    }

    @Test
    void theGatewayHasOneInstanceOnly() {
        assertThatThrownBy(() -> new Instance(Application.GATEWAY, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Instance(Application.STATION, Instance.MAX_REPLICAS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGatewaysListOfAServiceIsEveryCopyCommaSeparated() {
        assertThat(Instance.urls(Application.STATION, 1, 0)).isEqualTo("http://127.0.0.1:8083");
        assertThat(Instance.urls(Application.STATION, 3, 0))
                .isEqualTo("http://127.0.0.1:8083,http://127.0.0.1:8093,http://127.0.0.1:8103");
    }

    @Test
    void aPortOffsetMovesEveryInstanceTheGatewayToo() {
        assertThat(Instance.all(2, 100)).extracting(Instance::port)
                .containsExactly(8181, 8191, 8182, 8192, 8183, 8193, 8184, 8194, 8180);
        assertThat(Instance.urls(Application.MEMBERSHIP, 2, 100)).isEqualTo("http://127.0.0.1:8182,http://127.0.0.1:8192");
    }
}
