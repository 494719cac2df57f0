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

package io.github.agentprotocols.commons.socketio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import io.netty.channel.EventLoopGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Servers built with a pipeline of their own leave only that pipeline's timer alive, and
 * a stop ends both event loop groups.
 */
class SocketIoServersTests {

	@Test
	void theDefaultPipelinesTimerIsShutDown() {
		AtomicInteger timers = (AtomicInteger) ReflectionTestUtils.getField(HashedWheelTimer.class, "INSTANCE_COUNTER");
		int before = timers.get();
		SocketIOChannelInitializer pipeline = new SocketIOChannelInitializer();
		assertThat(timers.get()).isEqualTo(before + 1);
		SocketIOServer server = SocketIoServers.create(new Configuration(), (created) -> pipeline);
		assertThat(timers.get()).isEqualTo(before + 1);
		assertThat(ReflectionTestUtils.getField(server, "pipelineFactory")).isSameAs(pipeline);
		ReflectionTestUtils.invokeMethod(ReflectionTestUtils.getField(pipeline, "scheduler"), "shutdown");
		assertThat(timers.get()).isEqualTo(before);
	}

	@Test
	void boundPortOfAFutureWithoutAnAddressIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SocketIoServers.boundPort(ImmediateEventExecutor.INSTANCE.newSucceededFuture(null)))
			.withMessage("netty-socketio did not tell the address it listens on");
	}

	@Test
	void stopEndsBothEventLoopGroupsAndThePort() {
		Configuration configuration = new Configuration();
		configuration.setHostname("127.0.0.1");
		configuration.setPort(0);
		SocketIOServer server = SocketIoServers.create(configuration, (created) -> new SocketIOChannelInitializer());
		int port = SocketIoServers.boundPort(server.startAsync().syncUninterruptibly());
		assertThat(port).isPositive();
		assertThat(isFree(port)).isFalse();
		SocketIoServers.stop(server);
		assertThat(isFree(port)).isTrue();
		EventLoopGroup boss = (EventLoopGroup) ReflectionTestUtils.getField(server, "bossGroup");
		EventLoopGroup worker = (EventLoopGroup) ReflectionTestUtils.getField(server, "workerGroup");
		assertThat(boss.isTerminated()).isTrue();
		assertThat(worker.isTerminated()).isTrue();
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
