package io.github.agentprotocols.commons.socketio;

import java.util.concurrent.atomic.AtomicInteger;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import io.netty.util.HashedWheelTimer;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers built with a pipeline of their own leave only that pipeline's timer alive.
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

}
