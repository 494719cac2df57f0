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

import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;

import org.springframework.util.ReflectionUtils;

/**
 * Builds netty-socketio servers with a pipeline of their own, tells the port they bound,
 * and stops them promptly.
 * <p>
 * Every netty-socketio 2.0 server builds a default pipeline holding a timer that Netty
 * tracks as a resource. When the pipeline is replaced before start, nothing ever stops
 * that timer and Netty logs it as leaked once it is collected, so it is shut down here.
 * <p>
 * {@link SocketIOServer#stop()} shuts its two event loop groups down one after the other,
 * each with Netty's default quiet period of 2 s, so a stop takes at least 4 s;
 * {@link #stop(SocketIOServer)} shuts both down at once with a quiet period of
 * {@value #QUIET_PERIOD_MILLIS} ms first.
 */
public final class SocketIoServers {

	static final long QUIET_PERIOD_MILLIS = 100;

	private static final long SHUTDOWN_TIMEOUT_MILLIS = 5000;

	static final List<String> GROUPS = List.of("bossGroup", "workerGroup");

	private SocketIoServers() {
	}

	/**
	 * A server, not started, whose connections go through a pipeline of the caller's.
	 * @param configuration the server's configuration
	 * @param pipeline builds the pipeline replacing netty-socketio's default one, given
	 * the server (for handlers that need its namespaces)
	 * @return the server
	 */
	public static SocketIOServer create(Configuration configuration,
			Function<SocketIOServer, SocketIOChannelInitializer> pipeline) {
		SocketIOServer server = new SocketIOServer(configuration);
		shutDownDefaultPipeline(server);
		server.setPipelineFactory(pipeline.apply(server));
		return server;
	}

	/**
	 * The port a server listens on once started, for servers configured with port 0.
	 * @param bound what {@link SocketIOServer#startAsync()} returned, completed
	 * @return the port
	 * @throws IllegalStateException if the future does not tell a socket address
	 */
	public static int boundPort(Future<Void> bound) {
		if (bound instanceof ChannelFuture channel
				&& channel.channel().localAddress() instanceof InetSocketAddress address) {
			return address.getPort();
		}
		throw new IllegalStateException("netty-socketio did not tell the address it listens on");
	}

	/**
	 * Stop a started server: its event loop groups shut down together, each with a quiet
	 * period of {@value #QUIET_PERIOD_MILLIS} ms (tasks submitted meanwhile still run),
	 * then {@link SocketIOServer#stop()} waits for them and stops the pipeline.
	 * @param server the server
	 */
	public static void stop(SocketIOServer server) {
		for (String name : GROUPS) {
			Field field = ReflectionUtils.findField(SocketIOServer.class, name);
			if (field != null) {
				ReflectionUtils.makeAccessible(field);
				if (ReflectionUtils.getField(field, server) instanceof EventLoopGroup group) {
					group.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
				}
			}
		}
		server.stop();
	}

	private static void shutDownDefaultPipeline(SocketIOServer server) {
		Field pipeline = ReflectionUtils.findField(SocketIOServer.class, "pipelineFactory");
		Field scheduler = ReflectionUtils.findField(SocketIOChannelInitializer.class, "scheduler");
		if (pipeline != null && scheduler != null) {
			ReflectionUtils.makeAccessible(pipeline);
			ReflectionUtils.makeAccessible(scheduler);
			if (ReflectionUtils.getField(scheduler,
					ReflectionUtils.getField(pipeline, server)) instanceof CancelableScheduler timer) {
				timer.shutdown();
			}
		}
	}

}
