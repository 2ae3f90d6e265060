package org.unionplatform.testsupport.mongo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs after the module's other test classes in the same run, with
 * {@code junit.jupiter.testclass.order.default=org.unionplatform.testsupport.mongo.RunLastClassOrderer} in the
 * module's {@code junit-platform.properties}: the index-coverage test then checks what every test before it made
 * the service send.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RunLast {
}
