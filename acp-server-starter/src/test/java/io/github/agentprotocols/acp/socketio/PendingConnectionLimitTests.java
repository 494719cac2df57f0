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

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While {@code acp.socketio.max-pending-connections} Socket.IO connections have not made
 * their namespace connect, a new connection is refused with 503 and an Engine.IO error
 * body, on both ports, and the refusals are reported at WARN, in a line per interval with
 * how many there were; once one of them has connected, connections are accepted again.
 */
@SpringBootTest(classes = SocketIoTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"acp.socketio.port=0", "acp.socketio.max-pending-connections=2" })
@ExtendWith(OutputCaptureExtension.class)
class PendingConnectionLimitTests extends SocketIoHttpTests {

	private static final int REFUSED_PER_PORT = 10;

	private static final Pattern REPORT = Pattern.compile("WARN .* Refused (\\d+) Engine\\.IO handshakes? with 503");

	@Test
	void connectionsBeyondThePendingLimitAreRefusedUntilOneConnects(CapturedOutput output) {
		try (RawEngineIoSocket first = RawEngineIoSocket.open(this.port);
				RawEngineIoSocket second = RawEngineIoSocket.open(this.port)) {
			for (int port : ports()) {
				for (int i = 0; i < REFUSED_PER_PORT; i++) {
					HttpResponse<String> refused = handshake(port, null);
					assertThat(refused.statusCode()).as("port %d", port).isEqualTo(503);
					assertThat(refused.body()).isEqualTo("{\"code\":4,\"message\":\"Too many pending connections\"}");
				}
			}
			int refused = REFUSED_PER_PORT * ports().size();
			await().atMost(WAIT).until(() -> reported(output).stream().mapToInt(Integer::intValue).sum() == refused);
			assertThat(reported(output)).as("one line per %d s at most", PendingSessions.REFUSALS_REPORT_SECONDS)
				.hasSizeLessThanOrEqualTo(3);
			assertThat(output).contains(" WARN ",
					" with 503 Too many pending connections since the last report: 2"
							+ " sessions at most may wait for their namespace connect at once"
							+ " (acp.socketio.max-pending-connections), 2 do now");
			first.send("40{\"user\":\"alice\"}");
			assertThat(first.next()).startsWith("40{\"sid\"");
			await().atMost(WAIT).until(() -> handshake(this.port, null).statusCode() == 200);
		}
	}

	/**
	 * The counts of refused handshakes the WARN lines logged so far report.
	 */
	private static List<Integer> reported(CapturedOutput output) {
		List<Integer> counts = new ArrayList<>();
		Matcher report = REPORT.matcher(output.toString());
		while (report.find()) {
			counts.add(Integer.parseInt(report.group(1)));
		}
		return counts;
	}

}
