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

package io.github.agentprotocols.benchmarks.acp;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The reconnect storm's baseline: a bare netty-socketio server (default settings, no
 * limit of pending sessions, every namespace connect accepted) on the loopback port
 * {@value #PORT_PROPERTY}, run as an application without a web server so that the storm
 * starts and stops it as it does the ACP application.
 */
@SpringBootConfiguration
public class RawStormServer {

	/** Property holding the port. */
	static final String PORT_PROPERTY = "bench.storm.port";

	@Bean(destroyMethod = "stop")
	SocketIOServer nettySocketIoServer(Environment environment) {
		Configuration configuration = new Configuration();
		configuration.setHostname("127.0.0.1");
		configuration.setPort(environment.getRequiredProperty(PORT_PROPERTY, Integer.class));
		// a new server binds the port while the old one's connections linger in TIME_WAIT
		configuration.getSocketConfig().setReuseAddress(true);
		SocketIOServer server = new SocketIOServer(configuration);
		server.start();
		return server;
	}

}
