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

package io.github.agentprotocols.lime.sse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.agentprotocols.lime.sse.LimeEventDispatcherTests.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LimeEventDispatcher} over real HTTP with bytes written verbatim by the
 * {@link FakeLimeApi}: frames that are not UTF-8, fields Spring's reader would choke on,
 * characters split across network writes, the server's {@code retry:} hint.
 */
class LimeEventDispatcherRawFramingTests {

	/**
	 * A fake per test: the retry hint test leaves its dispatcher reconnecting every
	 * millisecond, and a connect sent just before it was stopped may reach the fake after
	 * the next test began.
	 */
	@RegisterExtension
	final FakeLimeApiExtension lime = new FakeLimeApiExtension();

	private final RecordingHandler handler = new RecordingHandler();

	private LimeEventDispatcher dispatcher;

	@AfterEach
	void stopDispatcher() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
	}

	@Test
	@SpecItem("LIME-8.3")
	void frameThatIsNotUtf8IsSkippedWithoutDroppingTheConnection(FakeLimeApi fake) {
		start(fake, Duration.ofMillis(10));
		fake.faults()
			.sendBytes("data: {\"type\":\"expired\",\"login_request_id\":\"lr_\u00ff\u00fe\"}\n\n"
				.getBytes(StandardCharsets.ISO_8859_1));
		fake.faults().sendBytes(utf8("data: {\"type\":\"expired\",\"login_request_id\":\"lr_\u00e9\"}\n\n"));
		assertThat(this.handler.awaitCalls("lr_\u00e9")).containsExactly("lr_\u00e9 null");
		assertThat(this.handler.calls()).hasSize(1);
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	@SpecItem("LIME-8.3")
	void retryFieldThatIsNotANumberIsIgnoredWithoutDroppingTheConnection(FakeLimeApi fake) {
		start(fake, Duration.ofMillis(10));
		fake.faults().sendBytes(utf8("retry: soon\ndata: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n\n"));
		fake.emitExpired("lr_2");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 null");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	@SpecItem("LIME-8.4")
	void frameSplitInsideAMultibyteCharacterIsRead(FakeLimeApi fake) {
		start(fake, Duration.ofMillis(10));
		byte[] frame = utf8("data: {\"type\":\"expired\",\"login_request_id\":\"lr_\u2603\"}\r\n\r\n");
		int split = new String(frame, StandardCharsets.UTF_8).indexOf('\u2603') + 1;
		byte[] first = new byte[split];
		byte[] second = new byte[frame.length - split];
		System.arraycopy(frame, 0, first, 0, split);
		System.arraycopy(frame, split, second, 0, second.length);
		fake.faults().sendBytes(first);
		fake.faults().sendBytes(second);
		assertThat(this.handler.awaitCalls("lr_\u2603")).containsExactly("lr_\u2603 null");
	}

	@Test
	@SpecItem("LIME-8.4")
	void frameMissingItsBlankLineIsReadLineByLineWithTheNextOne(FakeLimeApi fake) {
		start(fake, Duration.ofMillis(10));
		fake.faults().sendBytes(utf8("data: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n"));
		fake.emitExpired("lr_2");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 null");
	}

	@Test
	@SpecItem("LIME-8.5")
	void serverRetryHintReplacesTheBackoffBase(FakeLimeApi fake) {
		start(fake, Duration.ofHours(1));
		fake.faults().sendBytes(utf8("retry: 1\n\n"));
		fake.faults().endStreamsAfter(0);
		fake.faults().sendFrame("{\"type\":\"keepalive\"}");
		waiting().until(() -> fake.requests().count(Endpoint.EVENTS) >= 4);
	}

	private void start(FakeLimeApi fake, Duration backoff) {
		this.dispatcher = LimeEventDispatcher.builder(fake.siteToken())
			.apiBase(fake.baseUrl())
			.backoffBase(backoff)
			.maxBackoff(backoff)
			.handler(this.handler)
			.build();
		this.dispatcher.start();
		waiting().until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
