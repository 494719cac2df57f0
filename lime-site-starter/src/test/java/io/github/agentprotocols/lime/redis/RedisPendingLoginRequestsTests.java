package io.github.agentprotocols.lime.redis;

import java.time.Duration;
import java.time.Instant;

import io.github.agentprotocols.commons.testsupport.SpecItem;
import io.github.agentprotocols.lime.PendingLoginRequest;
import io.github.agentprotocols.lime.PendingLoginRequests;
import io.github.agentprotocols.lime.PendingLoginRequestsContractTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@SpecItem("LIME-8.7")
class RedisPendingLoginRequestsTests extends PendingLoginRequestsContractTests {

	private final LimeRedisConnections redis = new LimeRedisConnections();

	@AfterEach
	void close() {
		this.redis.close();
	}

	@Override
	protected PendingLoginRequests store(Duration retention, int capacity) {
		return new RedisPendingLoginRequests(this.redis.reactive(), this.redis.keys, this.clock, retention, capacity);
	}

	@Test
	void requestAddedOnOneInstanceIsPendingOnAnother() {
		Instant expiresAt = this.clock.instant().plusSeconds(120);
		store(Duration.ofHours(1), 10).add("lr_shared", expiresAt).block();
		assertThat(store(Duration.ofHours(1), 10).pending().collectList().block())
			.containsExactly(new PendingLoginRequest("lr_shared", expiresAt));
	}

}
