package org.unionplatform.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(TestDeclaredPropertiesWinTest.Empty.class)
@TestPropertySource(properties = {
        "spring.mongodb.uri=mongodb://declared-by-the-test:27017",
        "spring.mongodb.database=declared_db"})
class TestDeclaredPropertiesWinTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @DynamicPropertySource
    static void dynamic(DynamicPropertyRegistry registry) {
        registry.add("platform.bus.exchange", () -> "declared.exchange");
    }

    @Autowired
    Environment environment;

    @Test
    void propertiesTheTestDeclaresAreKept() {
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://declared-by-the-test:27017");
        assertThat(environment.getProperty("spring.mongodb.database")).isEqualTo("declared_db");
        assertThat(environment.getProperty("platform.bus.exchange")).isEqualTo("declared.exchange");
    }

    @Test
    void theRestStillComesFromTheTestInfrastructure() {
        assertThat(environment.getProperty("platform.bus.queue-prefix")).startsWith("test." + TestInfrastructure.runId());
    }
}
