package org.unionplatform.common.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A service with the platform's web, security and error handling, on test-support's MongoDB and broker.
 * Every test class carrying this annotation gets the same configuration, so Spring starts the context
 * once and hands it to all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = PlatformWebTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=platform-web-test",
                "platform.security.public-paths=/open/**,POST /applications"})
public @interface PlatformWebTest {
}
