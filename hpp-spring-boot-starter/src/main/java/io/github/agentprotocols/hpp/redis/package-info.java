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

/**
 * The Redis store: sessions, events, paced delivery and the per-client throttles shared
 * by every instance.
 * <p>
 * API: {@link io.github.agentprotocols.hpp.redis.RedisSessionStore},
 * {@link io.github.agentprotocols.hpp.redis.RedisSessionBroadcast},
 * {@link io.github.agentprotocols.hpp.redis.RedisPacedDelivery} and their
 * {@link io.github.agentprotocols.hpp.redis.RedisKeys}, on a
 * {@link io.github.agentprotocols.hpp.redis.RetryingRedisTemplate}, to build the engine
 * without Spring or to delegate to;
 * {@link io.github.agentprotocols.hpp.redis.SessionCodec}, the lossless session JSON, for
 * stores of your own. Internal:
 * {@link io.github.agentprotocols.hpp.redis.RedisClientThrottle}, a throttle of the HTTP
 * routes; {@link io.github.agentprotocols.hpp.redis.RedisPermissions}, what the start-up
 * check of the Redis user checks.
 */
@NullMarked
package io.github.agentprotocols.hpp.redis;

import org.jspecify.annotations.NullMarked;
