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

package io.github.agentprotocols.acp.socketio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.agentprotocols.testsupport.NodeScript;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The official {@code socket.io-client} v4 from npm, driven by {@code src/test/node/
 * interop.mjs} over WebSocket and long-polling, through the bridge on the application's
 * port and on netty-socketio's own port ({@code acp.socketio.port}): a refused connect,
 * join, send, invoke with the run's events, cancel, an unknown event, leave, and a resume
 * after a disconnect with neither gap nor duplicate.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0" })
class NodeClientInteropTests {

	private static final Path FOLDER = Path.of("src/test/node");

	@LocalServerPort
	int port;

	@Autowired
	AcpSocketIoServer server;

	@ParameterizedTest(name = "sockets on the {0} port")
	@ValueSource(strings = { "shared", "direct" })
	@SpecItem("ACP-10.35")
	@SpecItem("ACP-10.36")
	@SpecItem("ACP-10.40")
	@SpecItem("ACP-10.41")
	@SpecItem("ACP-10.29")
	@SpecItem("ACP-10.43")
	@SpecItem("ACP-10.42")
	@SpecItem("ACP-10.37")
	void officialClientWorksOverBothTransports(String socketPort) throws IOException, InterruptedException {
		String application = "http://127.0.0.1:" + this.port;
		String sockets = application;
		if (socketPort.equals("direct")) {
			assertThat(this.server.port()).isNotNull().isNotEqualTo(this.port);
			sockets = "http://127.0.0.1:" + this.server.port();
		}
		runInterop(socketPort, application, sockets);
	}

	/**
	 * Runs {@code interop.mjs}, logging to {@code target/acp-socketio-node-<name>.log}.
	 * @param name names the log
	 * @param arguments the script's arguments
	 */
	static void runInterop(String name, String... arguments) throws IOException, InterruptedException {
		runScript("interop.mjs", name, arguments);
	}

	/**
	 * Runs a script of {@code src/test/node}, logging to
	 * {@code target/acp-socketio-node-<name>.log}.
	 * @param script the script's file name
	 * @param name names the log
	 * @param arguments the script's arguments
	 */
	static void runScript(String script, String name, String... arguments) throws IOException, InterruptedException {
		if (!Files.isDirectory(FOLDER.resolve("node_modules/socket.io-client"))) {
			fail("socket.io-client is not installed: run 'npm ci --prefix " + FOLDER.toAbsolutePath()
					+ "'; .ci/run does it");
		}
		Path log = Path.of("target/acp-socketio-node-" + name + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		NodeScript.run(FOLDER, script, log, arguments);
	}

}
