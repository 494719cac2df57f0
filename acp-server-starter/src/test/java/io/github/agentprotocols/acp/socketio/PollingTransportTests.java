package io.github.agentprotocols.acp.socketio;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The Socket.IO transport over long-polling only, through the bridge. Netty's leak
 * detector runs at {@code paranoid}, and a leak report fails the class.
 */
@ExtendWith(NettyLeakDetection.class)
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class PollingTransportTests extends SocketIoContractTests {

	@Override
	String transport() {
		return "polling";
	}

}
