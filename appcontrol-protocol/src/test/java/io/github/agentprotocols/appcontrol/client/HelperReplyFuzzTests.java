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

package io.github.agentprotocols.appcontrol.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a desktop helper answering a command with arbitrary bytes on its Unix socket,
 * read by {@link HelperAppControlClient} over {@link UnixSocketHelperTransport}. Asserts
 * that the client either streams the {@code started} and final {@code observation}
 * events, or fails with an {@link AppControlException} (the transport's, or the
 * protocol's validation error), within its timeout and the reply size limit; never
 * another exception.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class HelperReplyFuzzTests {

	private static final int MAX_REPLY_BYTES = 64 * 1024;

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final ToolCommand COMMAND = new ToolCommand("cmd_1", "macos.computer_use", "open_app",
			Map.of("app", "TextEdit"), null);

	/** What the helper answers the next command with. */
	private static volatile byte[] reply = new byte[0];

	private static Path directory;

	private static ServerSocketChannel helper;

	private static HelperAppControlClient client;

	@BeforeAll
	static void startHelper() throws IOException {
		directory = Files.createTempDirectory("appcontrol-helper-fuzz");
		Path socket = directory.resolve("helper.sock");
		helper = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
		Thread thread = new Thread(HelperReplyFuzzTests::answer, "fuzzed-helper");
		thread.setDaemon(true);
		thread.start();
		client = new HelperAppControlClient(new UnixSocketHelperTransport(socket, TIMEOUT, MAX_REPLY_BYTES),
				"helper-secret", Map.of("apiVersion", HelperRequest.API_VERSION), ProtocolSchemas.shared());
	}

	@AfterAll
	static void stopHelper() throws IOException {
		helper.close();
		Files.deleteIfExists(directory.resolve("helper.sock"));
		Files.deleteIfExists(directory);
	}

	/** Per connection: reads the request line, writes the next reply, closes. */
	private static void answer() {
		while (helper.isOpen()) {
			try (SocketChannel connection = helper.accept()) {
				ByteBuffer in = ByteBuffer.allocate(64 * 1024);
				while (!endsLine(in) && connection.read(in) >= 0) {
					// the request line
				}
				ByteBuffer out = ByteBuffer.wrap(reply);
				while (out.hasRemaining()) {
					connection.write(out);
				}
			}
			catch (IOException ex) {
				// closed by the client or at the end
			}
		}
	}

	private static boolean endsLine(ByteBuffer in) {
		return in.position() > 0 && in.get(in.position() - 1) == '\n';
	}

	@FuzzTest(maxDuration = "2m")
	void helperReply(byte[] bytes) {
		reply = bytes;
		try {
			List<ToolEvent> events = client.runStream(COMMAND).collectList().block(TIMEOUT.multipliedBy(2));
			assertThat(events).extracting(ToolEvent::type)
				.containsExactly(ToolEventType.STARTED, ToolEventType.OBSERVATION);
		}
		catch (AppControlException ex) {
			// refused as the protocol says
		}
		catch (RuntimeException ex) {
			throw new AssertionError("the reply ended in " + ex, ex);
		}
	}

}
