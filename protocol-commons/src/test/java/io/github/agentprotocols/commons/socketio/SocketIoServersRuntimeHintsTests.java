package io.github.agentprotocols.commons.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registrars listed in {@code META-INF/spring/aot.factories} register the private
 * netty-socketio fields {@link SocketIoServers} reads, so that it can shut a server down
 * in a native image.
 */
class SocketIoServersRuntimeHintsTests {

	@Test
	void aotFactoriesRegisterTheFieldsSocketIoServersReads() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		for (String field : new String[] { "bossGroup", "workerGroup", "pipelineFactory" }) {
			assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(SocketIOServer.class, field)).as(field)
				.accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(SocketIOChannelInitializer.class, "scheduler"))
			.accepts(hints);
	}

}
