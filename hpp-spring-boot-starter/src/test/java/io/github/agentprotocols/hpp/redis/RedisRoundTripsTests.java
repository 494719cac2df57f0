package io.github.agentprotocols.hpp.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.github.agentprotocols.hpp.HandshakeManager;
import io.github.agentprotocols.hpp.HandshakeRequest;
import io.github.agentprotocols.hpp.HandshakeSettings;
import io.github.agentprotocols.hpp.HttpProbe;
import io.github.agentprotocols.testsupport.RedisCommandRecorder;
import io.github.agentprotocols.testsupport.UsesRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one request to a busy session costs the Redis session store, counted with a
 * recorder on the store's own connection (the delivery and the broadcast use another):
 * the same number of commands whether it is alone or one of 16 in flight, because each
 * request changes the session in one script and never retries after losing a race.
 */
@UsesRedis
class RedisRoundTripsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final int IN_FLIGHT = 16;

	private static final String SCHEMA = """
			[{"key":"f0"},{"key":"f1"},{"key":"f2"},{"key":"f3"},{"key":"f4"},
			{"key":"f5"},{"key":"f6"},{"key":"f7"},{"key":"f8"},{"key":"f9"}]""";

	private final RedisTestConnections connections = new RedisTestConnections();

	private RedisCommandRecorder commands;

	private RedisPacedDelivery delivery;

	private RedisSessionBroadcast broadcast;

	private HandshakeManager manager;

	@BeforeEach
	void start() {
		LettuceConnectionFactory storeConnection = this.connections.factory();
		this.commands = RedisCommandRecorder.attachTo(storeConnection.getNativeClient());
		RedisSessionStore store = new RedisSessionStore(new ReactiveStringRedisTemplate(storeConnection),
				this.connections.keys, 100, 0, Clock.systemUTC());
		this.broadcast = new RedisSessionBroadcast(this.connections.factory(), this.connections.keys,
				Duration.ofMillis(500), Duration.ofMinutes(5));
		this.delivery = new RedisPacedDelivery(this.connections.template(), this.broadcast, this.connections.keys,
				Duration.ofSeconds(30), 1000);
		this.delivery.start();
		HandshakeSettings defaults = HandshakeSettings.defaults();
		HandshakeSettings settings = new HandshakeSettings(defaults.ttl(), defaults.maxLifetime(), 1_000_000,
				defaults.extendRateLimitPerMinute(), defaults.limits(), defaults.pacing(), defaults.zone(),
				defaults.bindUserEditsToOwner(), defaults.clearedFieldsBecomeEmpty(), defaults.requireOwner(),
				defaults.paths());
		this.manager = HandshakeManager.builder(store, this.broadcast, this.delivery).settings(settings).build();
	}

	@AfterEach
	void stop() {
		this.delivery.stop();
		this.broadcast.destroy();
		this.connections.close();
	}

	@Test
	void contextTakesOneScriptAloneAndAmongSixteen() {
		Session session = create();
		Function<Integer, Mono<?>> context = (i) -> this.manager.context(session.id(), session.token());
		double alone = commandsPerRequest(1, context);
		double busy = commandsPerRequest(IN_FLIGHT, context);
		assertThat(alone).isEqualTo(1);
		assertThat(busy).isEqualTo(alone);
	}

	@Test
	void actionTakesTwoScriptsAloneAndAmongSixteen() {
		Session session = create();
		ObjectNode body = (ObjectNode) HttpProbe.json.readTree("""
				{"intervalMs":0,"actions":[%s]}""".formatted(String.join(",",
				IntStream.range(0, 10)
					.mapToObj((i) -> "{\"type\":\"set\",\"key\":\"f" + i + "\",\"value\":\"v" + i + "\"}")
					.toList())));
		Function<Integer, Mono<?>> action = (i) -> this.manager
			.action(session.id(), session.token(), Mono.just(body.deepCopy()), HandshakeRequest.none())
			.doOnNext((response) -> assertThat(response.get("applied")).hasSize(10));
		double alone = commandsPerRequest(1, action);
		double busy = commandsPerRequest(IN_FLIGHT, action);
		assertThat(alone).isEqualTo(2);
		assertThat(busy).isEqualTo(alone);
	}

	/**
	 * Sends one request, or {@link #IN_FLIGHT} requests all at once, and divides the
	 * store's commands by the requests. The first request of a kind also loads its
	 * scripts, so each kind is sent once beforehand.
	 */
	private double commandsPerRequest(int concurrency, Function<Integer, Mono<?>> request) {
		if (concurrency == 1) {
			request.apply(0).block(WAIT);
		}
		int before = this.commands.sent().size();
		int requests = (concurrency == 1) ? 1 : IN_FLIGHT;
		List<?> answered = Flux.range(0, requests).flatMap(request, concurrency).collectList().block(WAIT);
		assertThat(answered).hasSize(requests);
		return (double) (this.commands.sent().size() - before) / requests;
	}

	private Session create() {
		ObjectNode created = this.manager
			.createSession((ObjectNode) HttpProbe.json.readTree("{\"schema\":" + SCHEMA + "}"), HandshakeRequest.none())
			.block(WAIT);
		return new Session(created.get("sessionId").stringValue(), created.get("token").stringValue());
	}

	private record Session(String id, String token) {

	}

}
