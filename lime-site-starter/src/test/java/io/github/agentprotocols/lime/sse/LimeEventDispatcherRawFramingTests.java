package io.github.agentprotocols.lime.sse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.agentprotocols.lime.sse.LimeEventDispatcherTests.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LimeEventDispatcher} over real HTTP with byte sequences the fake LIME
 * API cannot write.
 */
class LimeEventDispatcherRawFramingTests {

	private final RecordingHandler handler = new RecordingHandler();

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	@Test
	void frameThatIsNotUtf8IsSkippedWithoutDroppingTheConnection() {
		RawEventStreamServer server = serve(
				"data: {\"type\":\"expired\",\"login_request_id\":\"lr_\u00ff\u00fe\"}\n\n"
					.getBytes(StandardCharsets.ISO_8859_1),
				utf8("data: {\"type\":\"expired\",\"login_request_id\":\"lr_\u00e9\"}\n\n"));
		start(server);
		assertThat(this.handler.awaitCalls("lr_\u00e9")).containsExactly("lr_\u00e9 null");
		assertThat(this.handler.calls()).hasSize(1);
		assertThat(server.connections()).isOne();
	}

	@Test
	void retryFieldThatIsNotANumberIsIgnoredWithoutDroppingTheConnection() {
		RawEventStreamServer server = serve(
				utf8("retry: soon\ndata: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n\n"),
				utf8("data: {\"type\":\"expired\",\"login_request_id\":\"lr_2\"}\n\n"));
		start(server);
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 null");
		assertThat(server.connections()).isOne();
	}

	@Test
	void frameSplitInsideAMultibyteCharacterIsRead() {
		byte[] frame = utf8("data: {\"type\":\"expired\",\"login_request_id\":\"lr_\u2603\"}\r\n\r\n");
		int split = new String(frame, StandardCharsets.UTF_8).indexOf('\u2603') + 1;
		byte[] first = new byte[split];
		byte[] second = new byte[frame.length - split];
		System.arraycopy(frame, 0, first, 0, split);
		System.arraycopy(frame, split, second, 0, second.length);
		start(serve(first, second));
		assertThat(this.handler.awaitCalls("lr_\u2603")).containsExactly("lr_\u2603 null");
	}

	@Test
	void frameWithoutItsBlankLineIsNotDeliveredUntilItArrives() {
		RawEventStreamServer server = serve(utf8("data: {\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\n"),
				utf8(": comment\n"));
		LimeEventDispatcher dispatcher = start(server);
		waiting().until(() -> dispatcher.getState().status() == Status.CONNECTED);
		assertThat(this.handler.calls()).isEmpty();
	}

	@Test
	void serverRetryHintReplacesTheBackoffBase() {
		RawEventStreamServer server = new RawEventStreamServer(List.of(utf8("retry: 1\n\n")), true);
		this.resources.add(server);
		LimeEventDispatcher dispatcher = LimeEventDispatcher.builder()
			.apiBase(server.baseUrl())
			.siteToken("st_raw")
			.backoffBase(Duration.ofHours(1))
			.maxBackoff(Duration.ofHours(1))
			.build();
		this.resources.add(0, dispatcher::stop);
		dispatcher.start();
		waiting().until(() -> server.connections() >= 3);
	}

	private RawEventStreamServer serve(byte[]... chunks) {
		RawEventStreamServer server = new RawEventStreamServer(List.of(chunks));
		this.resources.add(server);
		return server;
	}

	private LimeEventDispatcher start(RawEventStreamServer server) {
		LimeEventDispatcher dispatcher = LimeEventDispatcher.builder()
			.apiBase(server.baseUrl())
			.siteToken("st_raw")
			.handler(this.handler)
			.build();
		this.resources.add(0, dispatcher::stop);
		dispatcher.start();
		return dispatcher;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
