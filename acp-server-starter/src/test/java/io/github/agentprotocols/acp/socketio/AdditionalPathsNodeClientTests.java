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
