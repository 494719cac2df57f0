package io.github.agentprotocols.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that needs Redis ({@link RedisFixture}). The build runs such classes
 * in the integration-test phase, so {@code ./mvnw test} needs no Redis server and
 * {@code ./mvnw verify} runs them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(ExternalServices.REDIS_TAG)
public @interface UsesRedis {

}
