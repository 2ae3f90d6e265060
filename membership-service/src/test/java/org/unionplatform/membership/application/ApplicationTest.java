package org.unionplatform.membership.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationTest {

    @Test
    void theParentOfAUnionIsTheNextPathUp() {
        assertThat(Application.parentPath("/shaanxi/xian/xian-ride-hailing-federation/shouqi-union/"))
                .isEqualTo("/shaanxi/xian/xian-ride-hailing-federation/");
        assertThat(Application.parentPath("/shaanxi/")).isEqualTo("/shaanxi/");
    }
}
