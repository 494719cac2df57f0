/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
	void redisSentinelIsRefusedToAnUnmarkedUnitTest() {
		assertThatIllegalStateException().isThrownBy(RedisSentinel::shared).withMessageContaining("@UsesRedisSentinel");
	}

	@Test
	void redisServerProcessIsRefusedToAnUnmarkedUnitTest() {
		assertThatIllegalStateException().isThrownBy(RedisServerProcess::start)
			.withMessageContaining("@UsesRedisProcess");
	}

	@Test
	void redisTlsServerIsRefusedToAnUnmarkedUnitTest() {
		TestCertificates certificates = TestCertificates.create();
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisTlsServer.start(certificates, RedisTlsServer.ClientAuthentication.OPTIONAL))
			.withMessageContaining("@UsesRedisProcess");
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
