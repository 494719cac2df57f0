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

package io.github.agentprotocols.commons.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveScriptingCommands;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class RedisPermissionCheckTests {

	private final MockEnvironment environment = new MockEnvironment().withProperty("spring.data.redis.username",
			"hpp-app");

	@Test
	void commandsThatRedisDeniesFailTheStartUpWithAnAnalysisNamingTheUserPropertyAndDocs() {
		RedisPermissionCheck check = check(Flux.just(utf8("zadd hpp:x 1 m\npublish hpp:x m")));
		RedisPermissionException failure = catchThrowableOfType(RedisPermissionException.class,
				check::afterSingletonsInstantiated);
		assertThat(failure.getDenied()).containsExactly("zadd hpp:x 1 m", "publish hpp:x m");
		FailureAnalysis analysis = new RedisPermissionFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("'hpp-app'", "HPP", "zadd hpp:x 1 m, publish hpp:x m");
		assertThat(analysis.getAction()).contains("spring.data.redis.username", "docs/how-to/use-a-redis-acl-user.md");
	}

	@Test
	void evalDeniedFailsTheStartUpWithRedisAnswer() {
		RedisPermissionCheck check = check(Flux.error(new IllegalStateException("Error in execution",
				new IllegalStateException("NOPERM this user has no permissions to run the 'eval' command"))));
		RedisPermissionException failure = catchThrowableOfType(RedisPermissionException.class,
				check::afterSingletonsInstantiated);
		assertThat(failure.getDenied())
			.containsExactly("NOPERM this user has no permissions to run the 'eval' command");
	}

	@Test
	void userAllowedEverythingStartsAndOutageIsLeftToTheStarter() {
		assertThatNoException().isThrownBy(check(Flux.just(utf8("")))::afterSingletonsInstantiated);
		assertThatNoException().isThrownBy(
				check(Flux.error(new IllegalStateException("Connection refused")))::afterSingletonsInstantiated);
	}

	@Test
	void applicationWithoutRedisIsNotChecked() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		RedisPermissionCheck check = new RedisPermissionCheck(
				beans.getBeanProvider(ReactiveRedisConnectionFactory.class), this.environment, "HPP", List.of("get x"));
		assertThatNoException().isThrownBy(check::afterSingletonsInstantiated);
	}

	private RedisPermissionCheck check(Flux<ByteBuffer> answer) {
		ReactiveScriptingCommands scripting = mock(ReactiveScriptingCommands.class);
		given(scripting.<ByteBuffer>eval(any(ByteBuffer.class), eq(ReturnType.VALUE), anyInt(),
				any(ByteBuffer[].class)))
			.willReturn(answer);
		ReactiveRedisConnection connection = mock(ReactiveRedisConnection.class);
		given(connection.scriptingCommands()).willReturn(scripting);
		ReactiveRedisConnectionFactory factory = mock(ReactiveRedisConnectionFactory.class);
		given(factory.getReactiveConnection()).willReturn(connection);
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("redisConnectionFactory", factory);
		return new RedisPermissionCheck(beans.getBeanProvider(ReactiveRedisConnectionFactory.class), this.environment,
				"HPP", List.of("zadd hpp:x 1 m", "publish hpp:x m", "get hpp:x"));
	}

	private static ByteBuffer utf8(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

}
