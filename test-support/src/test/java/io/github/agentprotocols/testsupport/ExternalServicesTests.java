package io.github.agentprotocols.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The unit-test phase keeps PostgreSQL and Redis out: this class runs there (the build
 * sets {@value ExternalServices#UNIT_PHASE_PROPERTY}), so asking a fixture fails naming
 * the annotation that moves a test class to the integration-test phase.
 */
class ExternalServicesTests {

	@Test
	void postgresIsRefusedToAnUnmarkedUnitTest() {
		assertThat(Boolean.getBoolean(ExternalServices.UNIT_PHASE_PROPERTY)).isTrue();
		assertThatIllegalStateException().isThrownBy(PostgresFixture::database).withMessageContaining("@UsesPostgres");
	}

	@Test
	void redisIsRefusedToAnUnmarkedUnitTest() {
		assertThatIllegalStateException().isThrownBy(RedisFixture::url).withMessageContaining("@UsesRedis");
	}

	@Test
	void markedClassesCarryTheTagsTheBuildSelects() {
		assertThat(AnnotationSupport.findRepeatableAnnotations(MarkedForBoth.class, Tag.class)).extracting(Tag::value)
			.containsExactlyInAnyOrder("postgres", "redis");
	}

	@UsesPostgres
	@UsesRedis
	static class MarkedBase {

	}

	static class MarkedForBoth extends MarkedBase {

	}

}
