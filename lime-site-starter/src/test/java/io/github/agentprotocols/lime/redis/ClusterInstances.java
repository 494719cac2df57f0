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

package io.github.agentprotocols.lime.redis;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.github.agentprotocols.lime.LimeLoginApprovedEvent;
import io.github.agentprotocols.lime.LimeLoginBroadcastEvent;
import io.github.agentprotocols.lime.LimeLoginExpiredEvent;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.LimeStreamLease;
import io.github.agentprotocols.lime.Passport;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.testsupport.RedisServers;
import io.github.agentprotocols.testsupport.OwnReactorResources;
import io.github.agentprotocols.testsupport.RedisCluster;
import io.github.agentprotocols.testsupport.RedisSentinel;
import io.github.agentprotocols.testsupport.RedisServerProcess;
import io.github.agentprotocols.testsupport.RedisConnections;
import io.github.agentprotocols.testsupport.RedisFixture;
import io.github.agentprotocols.testsupport.RedisTlsServer;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Application instances of a site sharing one Redis ({@code lime.store.type=redis}) and
 * one {@link FakeLimeApi}, each a Spring Boot application of its own, with its own Redis
 * connections (named after the instance) and a record of what reached it.
 */
final class ClusterInstances implements AutoCloseable {

	final String prefix = "lime-test-" + UUID.randomUUID() + ":";

	final Duration leaseTtl;

	private final FakeLimeApi fake;

	private final List<String> connectionProperties;

	private final Redis redis;

	private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

	private final List<String> properties = new CopyOnWriteArrayList<>();

	/**
	 * Instances on this JVM's Redis topology.
	 * @param fake the LIME API of the site
	 * @param leaseTtl the lease time
	 */
	ClusterInstances(FakeLimeApi fake, Duration leaseTtl) {
		this(fake, leaseTtl, List.of(RedisFixture.connectionProperty()), RedisConnections::sync);
	}

	/**
	 * Instances on a given Redis Cluster.
	 * @param fake the LIME API of the site
	 * @param leaseTtl the lease time
	 * @param cluster the cluster
	 */
	ClusterInstances(FakeLimeApi fake, Duration leaseTtl, RedisCluster cluster) {
		this(fake, leaseTtl, List.of(cluster.connectionProperty()), cluster::sync);
	}

	/**
	 * Instances on a given Redis Sentinel setup, reached from the test on its master.
	 * @param fake the LIME API of the site
	 * @param leaseTtl the lease time
	 * @param sentinel the setup
	 */
	ClusterInstances(FakeLimeApi fake, Duration leaseTtl, RedisSentinel sentinel) {
		this(fake, leaseTtl, sentinel.connectionProperties(), new Redis() {

			@Override
			public <T> T sync(Function<RedisClusterCommands<String, String>, T> commands) {
				return RedisServers.on(sentinel.master(), commands::apply);
			}

		});
	}

	/**
	 * Instances on a Redis server of the test's own.
	 * @param fake the LIME API of the site
	 * @param leaseTtl the lease time
	 * @param server the server
	 */
	ClusterInstances(FakeLimeApi fake, Duration leaseTtl, RedisServerProcess server) {
		this(fake, leaseTtl, List.of("spring.data.redis.url=" + server.url()), new Redis() {

			@Override
			public <T> T sync(Function<RedisClusterCommands<String, String>, T> commands) {
				return RedisServers.on(URI.create(server.url()).getAuthority(), commands::apply);
			}

		});
	}

	/**
	 * Instances on a TLS-only Redis of the test's own.
	 * @param fake the LIME API of the site
	 * @param leaseTtl the lease time
	 * @param server the server
	 * @param connectionProperties the properties that reach it: its URL and an SSL bundle
	 */
	ClusterInstances(FakeLimeApi fake, Duration leaseTtl, RedisTlsServer server, List<String> connectionProperties) {
		this(fake, leaseTtl, connectionProperties, server::sync);
	}

	private ClusterInstances(FakeLimeApi fake, Duration leaseTtl, List<String> connectionProperties, Redis redis) {
		this.fake = fake;
		this.leaseTtl = leaseTtl;
		this.connectionProperties = connectionProperties;
		this.redis = redis;
	}

	/**
	 * Give every instance started from now on more properties.
	 * @param properties the properties, as {@code name=value}
	 */
	void addProperties(String... properties) {
		this.properties.addAll(List.of(properties));
	}

	/**
	 * Start an instance whose Redis connections are named {@code name}.
	 * @param name the instance's name
	 * @param reconnectToRedis whether its Redis client reconnects after losing a
	 * connection; an instance that does not stays cut off once its connections are killed
	 * @return the running instance
	 */
	ConfigurableApplicationContext start(String name, boolean reconnectToRedis) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(ClusterApplication.class)
			.web(WebApplicationType.NONE)
			.initializers(new OwnReactorResources())
			.properties("spring.main.banner-mode=off", "lime.store.type=redis", "lime.store.key-prefix=" + this.prefix,
					"lime.cluster.lease-ttl=" + this.leaseTtl.toMillis() + "ms",
					"lime.site.api-base=" + this.fake.baseUrl(), "lime.site.token=" + this.fake.siteToken(),
					"lime.site.sse.backoff-base=20ms", "lime.site.sse.max-backoff=100ms",
					"spring.data.redis.client-name=" + name, "spring.application.name=" + name,
					"spring.reactor.netty.shutdown-quiet-period=0s")
			.properties(this.connectionProperties.toArray(String[]::new))
			.properties(this.properties.toArray(String[]::new));
		if (!reconnectToRedis) {
			builder.initializers((context) -> context.getBeanFactory()
				.registerSingleton("noRedisReconnect",
						(LettuceClientOptionsBuilderCustomizer) (options) -> options.autoReconnect(false)));
		}
		ConfigurableApplicationContext context = builder.run();
		this.contexts.add(context);
		return context;
	}

	/**
	 * Cut an instance off Redis as its death would: every connection it holds, on every
	 * server, is closed by the server, and (started without reconnecting) it opens no
	 * other.
	 * @param name the instance's name
	 * @return how many connections were killed
	 */
	long killRedisConnections(String name) {
		return RedisServers.ofTopology().killClients(name);
	}

	/**
	 * How many connections listen to the channel of login outcomes.
	 */
	long broadcastSubscribers() {
		return RedisServers.ofTopology().subscribers(new RedisKeys(this.prefix).logins());
	}

	/**
	 * Runs commands on the instances' Redis, from the test.
	 * @param <T> the result type
	 * @param commands what to run
	 * @return what Redis answered
	 */
	<T> T sync(Function<RedisClusterCommands<String, String>, T> commands) {
		return this.redis.sync(commands);
	}

	boolean leaseKeyExists() {
		return this.redis.sync((redis) -> redis.exists(leaseKey()) == 1);
	}

	/**
	 * The time the lease's lock has left before Redis lets it expire.
	 * @return the time left, negative when the key is absent or has no expiry
	 */
	Duration leaseTimeLeft() {
		return Duration.ofMillis(this.redis.sync((redis) -> redis.pttl(leaseKey())));
	}

	/**
	 * Let the lease's lock expire now, as it would once its time left had passed.
	 */
	void expireLeaseNow() {
		this.redis.sync((redis) -> redis.pexpire(leaseKey(), 1));
	}

	private String leaseKey() {
		return new RedisKeys(this.prefix).leases() + ":" + LimeStreamLeadership.ROLE;
	}

	void setLastEventId(String id) {
		this.redis.sync((redis) -> redis.set(new RedisKeys(this.prefix).lastEventId(), id));
	}

	/**
	 * The login requests pending on the site, as the instances share them in Redis.
	 * @param instance any instance
	 * @return the pending request ids
	 */
	static List<String> pending(ConfigurableApplicationContext instance) {
		return instance.getBean(PendingLoginRequests.class)
			.pending()
			.map(PendingLoginRequest::requestId)
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	static boolean leads(ConfigurableApplicationContext instance) {
		return instance.getBean(LimeStreamLease.class).isHeld();
	}

	static Outcomes outcomes(ConfigurableApplicationContext instance) {
		return instance.getBean(Outcomes.class);
	}

	static LimeSite site(ConfigurableApplicationContext instance) {
		return instance.getBean(LimeSite.class);
	}

	/** Closes the instances still running and deletes the keys under the prefix. */
	@Override
	public void close() {
		List<ConfigurableApplicationContext> running = new ArrayList<>(this.contexts);
		running.stream()
			.filter(ConfigurableApplicationContext::isActive)
			.forEach(ConfigurableApplicationContext::close);
		this.redis.sync((redis) -> {
			// KEYS on a cluster connection asks every master; DEL is split by slot.
			List<String> keys = redis.keys(this.prefix + "*");
			return keys.isEmpty() ? 0L : redis.del(keys.toArray(String[]::new));
		});
	}

	/**
	 * Where the instances' Redis is reached from the test.
	 */
	@FunctionalInterface
	private interface Redis {

		<T> T sync(Function<RedisClusterCommands<String, String>, T> commands);

	}

	/**
	 * What reached one instance: its login handler, its approved and expired listeners,
	 * and the broadcast.
	 */
	static final class Outcomes {

		final List<String> handled = new CopyOnWriteArrayList<>();

		final List<String> listened = new CopyOnWriteArrayList<>();

		final Map<String, @Nullable String> broadcast = new ConcurrentHashMap<>();

		final List<String> broadcasts = new CopyOnWriteArrayList<>();

		static String call(String requestId, @Nullable String passportJwt) {
			return requestId + ((passportJwt != null) ? " approved" : " expired");
		}

		List<String> handledFor(String requestId) {
			return this.handled.stream().filter((call) -> call.startsWith(requestId + " ")).toList();
		}

	}

	/**
	 * The browser side of a login on one instance: a browser waits for a request id; the
	 * instance completes it with the verified passport when the outcome is broadcast to
	 * it.
	 */
	static final class BrowserLogins {

		private final LimeSite site;

		private final Map<String, CompletableFuture<Passport>> waiting = new ConcurrentHashMap<>();

		BrowserLogins(LimeSite site) {
			this.site = site;
		}

		CompletableFuture<Passport> waitFor(String requestId) {
			return this.waiting.computeIfAbsent(requestId, (id) -> new CompletableFuture<>());
		}

		@EventListener
		void outcome(LimeLoginBroadcastEvent event) {
			CompletableFuture<Passport> browser = this.waiting.remove(event.requestId());
			if (browser == null) {
				return;
			}
			if (!event.isApproved()) {
				browser.completeExceptionally(new IllegalStateException("expired"));
				return;
			}
			try {
				browser.complete(this.site.blocking().verifyPassport(event.passportJwt(), event.requestId()));
			}
			catch (RuntimeException ex) {
				browser.completeExceptionally(ex);
			}
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ClusterApplication {

		@Bean
		Outcomes outcomes() {
			return new Outcomes();
		}

		@Bean
		LimeLoginHandler recordingHandler(Outcomes outcomes) {
			return (requestId, passportJwt) -> outcomes.handled.add(Outcomes.call(requestId, passportJwt));
		}

		@Bean
		BrowserLogins browserLogins(LimeSite site) {
			return new BrowserLogins(site);
		}

		@Bean
		OutcomeListener outcomeListener(Outcomes outcomes) {
			return new OutcomeListener(outcomes);
		}

	}

	static final class OutcomeListener {

		private final Outcomes outcomes;

		OutcomeListener(Outcomes outcomes) {
			this.outcomes = outcomes;
		}

		@EventListener
		void approved(LimeLoginApprovedEvent event) {
			this.outcomes.listened.add(Outcomes.call(event.requestId(), event.passportJwt()));
		}

		@EventListener
		void expired(LimeLoginExpiredEvent event) {
			this.outcomes.listened.add(Outcomes.call(event.requestId(), null));
		}

		@EventListener
		void broadcast(LimeLoginBroadcastEvent event) {
			this.outcomes.broadcasts.add(Outcomes.call(event.requestId(), event.passportJwt()));
			if (event.passportJwt() != null) {
				this.outcomes.broadcast.put(event.requestId(), event.passportJwt());
			}
		}

	}

}
