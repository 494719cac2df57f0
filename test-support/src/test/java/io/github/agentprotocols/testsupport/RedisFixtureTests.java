package io.github.agentprotocols.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@UsesRedis
class RedisFixtureTests {

	@Test
	void urlFromEnvironmentWinsOverDocker() {
		URI url = RedisFixture.resolve(Map.of(RedisFixture.URL_VARIABLE, "redis://localhost:6390"), () -> true,
				() -> URI.create("redis://container:6379"));
		assertThat(url).hasToString("redis://localhost:6390");
	}

	@Test
	void neitherOptionFailsNamingBoth() {
		assertThatIllegalStateException()
			.isThrownBy(() -> RedisFixture.resolve(Map.of(), () -> false, () -> URI.create("redis://unused")))
			.withMessageContaining("TEST_REDIS_URL")
			.withMessageContaining("Docker");
	}

	@Test
	void sharedServerAnswersPing() throws IOException {
		URI url = RedisFixture.url();
		try (Socket socket = new Socket(url.getHost(), url.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			assertThat(in.readLine()).isEqualTo("+PONG");
		}
	}

}
