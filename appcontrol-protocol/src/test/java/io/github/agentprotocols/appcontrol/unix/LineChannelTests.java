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

package io.github.agentprotocols.appcontrol.unix;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LineChannel} reading what a peer writes in arbitrary pieces.
 */
@EnabledOnOs({ OS.LINUX, OS.MAC })
class LineChannelTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path directory;

	private ServerSocketChannel server;

	private LineChannel client;

	private SocketChannel peer;

	@BeforeEach
	void connect() throws IOException {
		Path socket = this.directory.resolve("line.sock");
		this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		this.server.bind(UnixDomainSocketAddress.of(socket));
		this.client = LineChannel.connect(socket, TIMEOUT, 16);
		this.peer = this.server.accept();
	}

	@AfterEach
	void close() throws IOException {
		this.client.close();
		this.peer.close();
		this.server.close();
	}

	private void send(String text) throws IOException {
		send(text.getBytes(StandardCharsets.UTF_8));
	}

	private void send(byte[] bytes) throws IOException {
		this.peer.write(ByteBuffer.wrap(bytes));
	}

	@Test
	void linesArriveOneByOneWhateverThePiecesTheyWereWrittenIn() throws IOException {
		send("{\"a\":1}\n{\"b\"");
		assertThat(this.client.readLine(TIMEOUT, false)).isEqualTo("{\"a\":1}");
		send(":2}\n\n");
		assertThat(this.client.readLine(TIMEOUT, false)).isEqualTo("{\"b\":2}");
		assertThat(this.client.readLine(TIMEOUT, false)).isEmpty();
		this.peer.shutdownOutput();
		assertThat(this.client.readLine(TIMEOUT, false)).isNull();
	}

	@Test
	void writtenLinesEndWithANewline() throws IOException {
		this.client.writeLine("{\"é\":1}", TIMEOUT);
		ByteBuffer received = ByteBuffer.allocate(64);
		while (received.position() < 9) {
			this.peer.read(received);
		}
		assertThat(new String(received.array(), 0, received.position(), StandardCharsets.UTF_8))
			.isEqualTo("{\"é\":1}\n");
	}

	@Test
	void lineAsLongAsTheLimitIsReadAndALongerOneRefused() throws IOException {
		send("x".repeat(16) + "\n" + "y".repeat(17) + "\n");
		assertThat(this.client.readLine(TIMEOUT, false)).hasSize(16);
		assertThatExceptionOfType(LineTooLongException.class).isThrownBy(() -> this.client.readLine(TIMEOUT, false))
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(16));
	}

	@Test
	void lineCutShortByTheEndOfTheStreamIsRefusedUnlessAsked() throws IOException {
		send("{\"a\":");
		this.peer.shutdownOutput();
		assertThatExceptionOfType(EOFException.class).isThrownBy(() -> this.client.readLine(TIMEOUT, false))
			.withMessageContaining("5 bytes without a newline");
	}

	@Test
	void endOfStreamMayEndTheLastLine() throws IOException {
		send("{\"a\":1}");
		this.peer.shutdownOutput();
		assertThat(this.client.readLine(TIMEOUT, true)).isEqualTo("{\"a\":1}");
		assertThat(this.client.readLine(TIMEOUT, true)).isNull();
	}

	@Test
	void bytesThatAreNotUtf8AreRefused() throws IOException {
		send(new byte[] { 'a', (byte) 0xFF, '\n' });
		assertThatExceptionOfType(CharacterCodingException.class)
			.isThrownBy(() -> this.client.readLine(TIMEOUT, false));
	}

	@Test
	void lineThatDoesNotArriveInTimeIsATimeout() {
		assertThatExceptionOfType(SocketTimeoutException.class)
			.isThrownBy(() -> this.client.readLine(Duration.ofMillis(100), false))
			.withMessage("deadline of 100 ms passed");
	}

}
