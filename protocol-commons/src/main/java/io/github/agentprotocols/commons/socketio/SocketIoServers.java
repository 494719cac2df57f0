package io.github.agentprotocols.commons.socketio;

import java.lang.reflect.Field;
import java.util.function.Function;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;

import org.springframework.util.ReflectionUtils;

/**
 * Builds netty-socketio servers with a pipeline of their own.
 * <p>
 * Every netty-socketio 2.0 server builds a default pipeline holding a timer that Netty
 * tracks as a resource. When the pipeline is replaced before start, nothing ever stops
 * that timer and Netty logs it as leaked once it is collected, so it is shut down here.
 */
public final class SocketIoServers {

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
