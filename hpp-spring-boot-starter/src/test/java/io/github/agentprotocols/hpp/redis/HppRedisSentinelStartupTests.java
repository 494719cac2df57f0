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

package io.github.agentprotocols.hpp.redis;

import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.commons.redis.RedisSentinelException;
import io.github.agentprotocols.hpp.HppTestApplication;
import io.github.agentprotocols.testsupport.LoopbackPorts;
import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.UsesRedisSentinel;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An HPP instance on Redis Sentinel whose settings give it no master fails its start-up
 * naming the property to fix, rather than start and retry for ever: a master name the
 * real sentinels do not monitor, and sentinel nodes where nothing listens.
 */
@UsesRedisSentinel
class HppRedisSentinelStartupTests {

	private final RedisSentinel sentinel = RedisSentinel.shared();

	@Test
	void aMasterNameTheSentinelsDoNotMonitorFailsTheStartUp() {
		assertThatExceptionOfType(RedisSentinelException.class)
			.isThrownBy(() -> start("spring.data.redis.sentinel.master=no-such-master",
					"spring.data.redis.sentinel.nodes=" + String.join(",", this.sentinel.nodes())))
			.satisfies((failure) -> assertThat(failure.getProperty()).isEqualTo("spring.data.redis.sentinel.master"))
			.withMessageContaining("monitor no master named 'no-such-master'")
			.withMessageContaining(RedisSentinel.MASTER_NAME);
	}

	@Test
	void sentinelNodesWhereNothingListensFailTheStartUp() {
		String nowhere = "127.0.0.1:" + LoopbackPorts.free();
		assertThatExceptionOfType(RedisSentinelException.class)
			.isThrownBy(() -> start("spring.data.redis.sentinel.master=" + RedisSentinel.MASTER_NAME,
					"spring.data.redis.sentinel.nodes=" + nowhere))
			.satisfies((failure) -> assertThat(failure.getProperty()).isEqualTo("spring.data.redis.sentinel.nodes"))
			.withMessageContaining("No sentinel at " + nowhere + " answered");
	}

	@Test
	void theSentinelsOfTheTestSetupLetItStart() {
		try (ConfigurableApplicationContext context = start(
				this.sentinel.connectionProperties().toArray(String[]::new))) {
			assertThat(context.isActive()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(String... sentinel) {
		List<String> properties = new ArrayList<>(
				List.of("server.port=0", "hpp.store.type=redis", "hpp.store.key-prefix=hpp-sentinel-startup:"));
		properties.addAll(List.of(sentinel));
		return new SpringApplicationBuilder(HppTestApplication.class).properties(properties.toArray(String[]::new))
			.run();
	}

}
