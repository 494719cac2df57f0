package io.github.agentprotocols.commons.socketio;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for {@link SocketIoServers}: the private netty-socketio
 * fields it reads, registered when netty-socketio is present.
 */
class SocketIoServersRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent("com.corundumstudio.socketio.SocketIOServer", classLoader)) {
			return;
		}
		hints.reflection().registerType(SocketIOServer.class, (type) -> {
			SocketIoServers.GROUPS.forEach(type::withField);
			type.withField("pipelineFactory");
		}).registerType(SocketIOChannelInitializer.class, (type) -> type.withField("scheduler"));
	}

}
