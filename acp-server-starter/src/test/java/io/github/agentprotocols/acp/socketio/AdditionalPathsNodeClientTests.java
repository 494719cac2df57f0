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

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One server on two Engine.IO paths ({@code acp.socketio.additional-paths}, spec §5.1):
 * the official {@code socket.io-client} from npm, driven by {@code src/test/node/
 * interop.mjs} over WebSocket and long-polling, on {@code /acp/ws} as the earlier
 * TypeScript client connects, and on the default {@code /socket.io} as the current one
 * does.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.path=/acp/ws", "acp.socketio.additional-paths=/socket.io" })
class AdditionalPathsNodeClientTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "path {0}")
	@ValueSource(strings = { "/acp/ws", "/socket.io" })
	@SpecItem("ACP-10.35")
	void officialClientWorksOnEveryPath(String path) throws IOException, InterruptedException {
		String application = "http://127.0.0.1:" + this.port;
		NodeClientInteropTests.runInterop("path" + path.replace('/', '-'), application, application, path);
	}

}
