/**
 * The Redis store: sessions, events and paced delivery shared by every instance.
 * <p>
 * API: {@link io.github.agentprotocols.hpp.redis.RedisSessionStore},
 * {@link io.github.agentprotocols.hpp.redis.RedisSessionBroadcast},
 * {@link io.github.agentprotocols.hpp.redis.RedisPacedDelivery} and their
 * {@link io.github.agentprotocols.hpp.redis.RedisKeys}, to build the engine without
 * Spring or to delegate to; {@link io.github.agentprotocols.hpp.redis.SessionCodec}, the
 * lossless session JSON, for stores of your own.
 */
@NullMarked
package io.github.agentprotocols.hpp.redis;

import org.jspecify.annotations.NullMarked;
