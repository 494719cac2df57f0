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

import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * The instances of {@link HppRedisInstancesContractTests} on Redis' default user.
 */
@UsesRedis
class HppRedisInstancesTests extends HppRedisInstancesContractTests {

	@BeforeAll
	static void start() {
		a = instance();
		b = instance();
		httpA = new HttpProbe(port(a));
		httpB = new HttpProbe(port(b));
	}

	@AfterAll
	static void stop() {
		ReactiveStringRedisTemplate redis = a.getBean(ReactiveStringRedisTemplate.class);
		redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").build()).flatMap(redis::delete).blockLast(WAIT);
		a.close();
		b.close();
	}

}
