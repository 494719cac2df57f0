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

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.agentprotocols.testsupport.SpecItem;
import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import io.github.agentprotocols.lime.test.Endpoint;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.FakeLimeApiExtension;
import io.github.agentprotocols.lime.test.RecordedRequest;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LimeEventDispatcher} over real HTTP against the {@link FakeLimeApi}:
 * delivery, classification on the wire, bad frames, reconnects and lifecycle (spec §4, §7
 * "Dispatcher", §8 items 1–6).
 */
class LimeEventDispatcherTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * A fake per test: a request the previous test's dispatcher sent just before it was
	 * stopped may reach the fake after the next test began, and count as that test's
	 * connect or take its injected failure.
	 */
	@RegisterExtension
	final FakeLimeApiExtension lime = new FakeLimeApiExtension((fake) -> fake.sseIds(true).replay(true));

	private final RecordingHandler handler = new RecordingHandler();

	private final List<LimeConnectionState> states = new CopyOnWriteArrayList<>();

	private LimeEventDispatcher dispatcher;

	@AfterEach
	void stopDispatcher() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
	}

	@Test
	@SpecItem("LIME-7.approved_invokes_handler")
	void approvalByTheAgentReachesTheHandlerOnceWithRequestIdAndPassport(FakeLimeApi fake) {
		fake.faults().duplicateDelivery(true);
		start(fake);
		String requestId = fake.createLoginRequestDirectly();
		fake.agent().approve(requestId);
		fake.expire(requestId);
		fake.emitExpired(requestId);
		List<String> calls = awaitCalls(requestId, 2);
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0)).startsWith(requestId + " ey").hasSizeGreaterThan(100);
		assertThat(calls.get(1)).isEqualTo(requestId + " null");
	}

	@Test
	@SpecItem("LIME-7.expired_passport_none")
	void expiryReachesTheHandlerWithoutPassport(FakeLimeApi fake) {
		start(fake);
		String requestId = fake.createLoginRequestDirectly();
		fake.expire(requestId);
		assertThat(this.handler.awaitCalls(requestId)).containsExactly(requestId + " null");
	}

	@Test
	@SpecItem("LIME-7.multiple_handlers")
	void everyHandlerIsCalledOnceInRegistrationOrder(FakeLimeApi fake) {
		List<String> calls = new CopyOnWriteArrayList<>();
		start(dispatcher(fake).handler((id, jwt) -> calls.add("first " + id))
			.handler((id, jwt) -> calls.add("second " + id))
			.handler(this.handler));
		fake.emitApproved("lr_1", "jwt.here");
		fake.emitExpired("lr_1");
		this.handler.awaitCalls("lr_1");
		waiting().until(() -> this.handler.calls().size() == 2);
		assertThat(calls).containsExactly("first lr_1", "second lr_1", "first lr_1", "second lr_1");
		assertThat(this.handler.calls()).containsExactly("lr_1 jwt.here", "lr_1 null");
	}

	@Test
	@SpecItem("LIME-7.handler_error_continues")
	void throwingHandlerDoesNotStopLaterEvents(FakeLimeApi fake) {
		start(dispatcher(fake).handler((id, jwt) -> {
			throw new IllegalStateException("handler failure");
		}).handler(this.handler));
		fake.emitApproved("lr_1", "jwt.here");
		fake.emitApproved("lr_2", "jwt.there");
		// events of different requests are handled concurrently: either may finish first
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 jwt.there");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.here");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	@SpecItem("LIME-8.1")
	void slowHandlerDoesNotDelayOtherRequestsEvents(FakeLimeApi fake) throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		start(dispatcher(fake).handler((id, jwt) -> {
			if (id.equals("lr_slow")) {
				awaitQuietly(release);
			}
		}).handler(this.handler));
		fake.emitApproved("lr_slow", "jwt.slow");
		fake.emitApproved("lr_fast", "jwt.fast");
		assertThat(this.handler.awaitCalls("lr_fast")).containsExactly("lr_fast jwt.fast");
		assertThat(this.handler.callsFor("lr_slow")).isEmpty();
		release.countDown();
		assertThat(this.handler.awaitCalls("lr_slow")).containsExactly("lr_slow jwt.slow");
	}

	@Test
	@SpecItem("LIME-8.1")
	void hungHandlerIsInterruptedAfterItsTimeoutAndTheNextHandlerRuns(FakeLimeApi fake) throws InterruptedException {
		CountDownLatch interrupted = new CountDownLatch(1);
		LimeLoginHandler hung = (id, jwt) -> {
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		};
		this.dispatcher = LimeEventDispatcher.builder(fake.siteToken())
			.apiBase(fake.baseUrl())
			.handlerTimeout(Duration.ofMillis(100))
			.handler(hung)
			.handler(this.handler)
			.stateListener(this.states::add)
			.build();
		this.dispatcher.start();
		awaitStatus(Status.CONNECTED);
		fake.emitExpired("lr_1");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
		// the next handler may run before the interrupted one is scheduled again
		assertThat(interrupted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
	}

	@Test
	@SpecItem("LIME-8.2")
	void handlersRegisteredBeforeStartGetTheFirstEvent(FakeLimeApi fake) {
		this.dispatcher = dispatcher(fake).handler(this.handler).build();
		assertThat(this.dispatcher.getState().status()).isEqualTo(Status.STOPPED);
		assertThat(fake.requests().count(Endpoint.EVENTS)).isZero();
		this.dispatcher.start();
		awaitStatus(Status.CONNECTED);
		fake.emitApproved("lr_first", "jwt.first");
		assertThat(this.handler.awaitCalls("lr_first")).containsExactly("lr_first jwt.first");
	}

	@Test
	@SpecItem("LIME-7.stream_accepts_extra_headers")
	void streamRequestCarriesTheSiteTokenAndAcceptsEventStreams(FakeLimeApi fake) {
		start(dispatcher(fake).webClient(WebClient.builder().defaultHeader("X-Extra", "extra").build())
			.handler(this.handler));
		RecordedRequest request = fake.requests().of(Endpoint.EVENTS).get(0);
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.header("X-Site-Token")).isEqualTo(fake.siteToken());
		assertThat(request.header("Accept")).isEqualTo("text/event-stream");
		assertThat(request.header("X-Extra")).isEqualTo("extra");
		assertThat(request.header("Last-Event-ID")).isNull();
	}

	@Test
	@SpecItem("LIME-7.error_frame_logged")
	@SpecItem("LIME-7.dispatch_event_skips_missing_request_id")
	void keepalivesErrorFramesAndUnknownTypesNeverReachHandlers(FakeLimeApi fake) {
		start(fake);
		fake.faults().sendFrame("{\"type\":\"keepalive\"}");
		fake.faults().sendErrorFrame("CHANNEL_DOWN", "redis unavailable");
		fake.faults().sendUnknownType("lr_1");
		fake.faults().sendFrame("{\"type\":\"approved\",\"login_request_id\":null,\"agent_passport_jwt\":\"x\"}");
		fake.faults().sendFrame("{\"type\":\"expired\"}");
		fake.emitExpired("lr_1");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
		assertThat(this.handler.calls()).containsExactly("lr_1 null");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	@SpecItem("LIME-7.invalid_json_logs_and_continues")
	@SpecItem("LIME-8.3")
	void malformedJsonFrameIsSkippedWithoutDroppingTheConnection(FakeLimeApi fake) {
		start(fake);
		fake.faults().sendMalformedJson();
		fake.faults().sendFrame("[]");
		fake.faults().sendFrame("\"approved\"");
		fake.emitExpired("lr_after");
		assertThat(this.handler.awaitCalls("lr_after")).containsExactly("lr_after null");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
		assertThat(this.dispatcher.getState().status()).isEqualTo(Status.CONNECTED);
	}

	@Test
	@SpecItem("LIME-8.3")
	void approvedWithoutPassportIsSkippedWithoutDroppingTheConnection(FakeLimeApi fake) {
		start(fake);
		fake.faults().sendApprovedWithoutJwt("lr_1");
		fake.emitExpired("lr_1");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	@SpecItem("LIME-8.3")
	void oversizedFrameIsSkippedWithoutDroppingTheConnection(FakeLimeApi fake) {
		start(dispatcher(fake).maxFrameSize(DataSize.ofKilobytes(1)).handler(this.handler));
		fake.emitApproved("lr_big", "x".repeat(4096));
		fake.emitApproved("lr_small", "jwt.small");
		assertThat(this.handler.awaitCalls("lr_small")).containsExactly("lr_small jwt.small");
		assertThat(this.handler.callsFor("lr_big")).isEmpty();
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	void frameAboveSpringsDefaultBufferLimitIsReadWhenTheFrameLimitAllowsIt(FakeLimeApi fake) {
		start(dispatcher(fake).maxFrameSize(DataSize.ofKilobytes(512)).handler(this.handler));
		String passport = "x".repeat(300 * 1024);
		fake.emitApproved("lr_big", passport);
		assertThat(this.handler.awaitCalls("lr_big")).containsExactly("lr_big " + passport);
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	@SpecItem("LIME-8.4")
	void eventSpreadOverSeveralDataLinesIsJoined(FakeLimeApi fake) {
		start(fake);
		fake.faults()
			.sendFrame("{\"type\":\"approved\",\ndata: \"login_request_id\":\"lr_1\",\ndata: "
					+ "\"agent_passport_jwt\":\"jwt.here\"}");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.here");
	}

	@Test
	@SpecItem("LIME-8.4")
	void dataLinesThatAreEachAnEventAreDeliveredOneByOne(FakeLimeApi fake) {
		start(fake);
		fake.faults()
			.sendFrame("{\"type\":\"expired\",\"login_request_id\":\"lr_1\"}\ndata: "
					+ "{\"type\":\"expired\",\"login_request_id\":\"lr_2\"}");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 null");
	}

	@Test
	@SpecItem("LIME-8.4")
	void crOnlyLineEndingsAreFramesToo(FakeLimeApi fake) {
		start(fake);
		fake.faults()
			.sendFrame("{\"type\":\"expired\",\"login_request_id\":\"lr_cr\"}\r\rdata: "
					+ "{\"type\":\"expired\",\"login_request_id\":\"lr_lf\"}");
		assertThat(this.handler.awaitCalls("lr_cr")).containsExactly("lr_cr null");
		assertThat(this.handler.awaitCalls("lr_lf")).containsExactly("lr_lf null");
	}

	@Test
	@SpecItem("LIME-8.4")
	void crlfSplitAndCoalescedFramesAreRead(FakeLimeApi fake) {
		fake.faults().crlfLineEndings(true).splitFrames(true).severalFramesPerChunk(true);
		start(fake);
		fake.emitApproved("lr_1", "jwt.one");
		fake.emitApproved("lr_2", "jwt.two");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.one");
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 jwt.two");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	@SpecItem("LIME-8.7")
	void repeatedEventIsDeliveredOnce(FakeLimeApi fake) {
		start(fake);
		fake.emitApproved("lr_1", "jwt.first");
		fake.emitApproved("lr_1", "jwt.again");
		fake.emitExpired("lr_1");
		awaitCalls("lr_1", 2);
		assertThat(this.handler.callsFor("lr_1")).containsExactly("lr_1 jwt.first", "lr_1 null");
	}

	@Test
	@SpecItem("LIME-7.reconnect_after_disconnect")
	void droppedStreamIsReconnectedAndTheNextEventDelivered(FakeLimeApi fake) {
		fake.faults().dropStreamsAfter(1, false);
		start(fake);
		fake.faults().sendFrame("{\"type\":\"keepalive\"}");
		// the fake records a connect before it opens its stream, and without an event id
		// nothing is replayed: wait for the new stream
		waiting().until(() -> fake.requests().count(Endpoint.EVENTS) >= 2
				&& this.dispatcher.getState().status() == Status.CONNECTED);
		fake.faults().reset();
		fake.emitApproved("lr_1", "jwt.here");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 jwt.here");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isGreaterThanOrEqualTo(2);
	}

	@Test
	@SpecItem("LIME-8.2")
	void truncatedFrameAtADropIsDiscardedAndTheEventReplayed(FakeLimeApi fake) {
		start(fake);
		fake.emitExpired("lr_0");
		this.handler.awaitCalls("lr_0");
		fake.faults().dropStreamsAfter(1, true);
		fake.emitExpired("lr_1");
		fake.emitExpired("lr_2");
		waiting().until(() -> this.handler.calls().size() == 3);
		assertThat(this.handler.calls()).containsExactlyInAnyOrder("lr_0 null", "lr_1 null", "lr_2 null");
	}

	@Test
	@SpecItem("LIME-7.reconnect_after_disconnect")
	void cleanEndOfStreamIsReconnected(FakeLimeApi fake) {
		fake.faults().endStreamsAfter(1);
		start(fake);
		fake.emitExpired("lr_1");
		this.handler.awaitCalls("lr_1");
		waiting().until(() -> fake.requests().count(Endpoint.EVENTS) >= 2);
		fake.faults().reset();
		fake.emitExpired("lr_2");
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 null");
	}

	@Test
	@SpecItem("LIME-8.2")
	void lastEventIdIsSentOnReconnectWhenTheServerGaveIds(FakeLimeApi fake) {
		start(fake);
		fake.emitExpired("lr_1");
		this.handler.awaitCalls("lr_1");
		// the id is advanced once the handlers have finished with the event
		String lastEventId = waiting().until(this.dispatcher::getLastEventId, Objects::nonNull);
		fake.faults().dropStreamsAfter(0, false);
		fake.faults().sendFrame("{\"type\":\"keepalive\"}");
		waiting().until(() -> fake.requests().count(Endpoint.EVENTS) >= 2);
		fake.faults().reset();
		waiting().until(() -> this.dispatcher.getState().status() == Status.CONNECTED);
		List<RecordedRequest> requests = fake.requests().of(Endpoint.EVENTS);
		assertThat(requests.get(0).header("Last-Event-ID")).isNull();
		assertThat(requests.subList(1, requests.size()))
			.allSatisfy((request) -> assertThat(request.header("Last-Event-ID")).isEqualTo(lastEventId));
	}

	@Test
	@SpecItem("LIME-8.2")
	void eventsPublishedWhileDisconnectedAreReplayedFromLastEventId(FakeLimeApi fake) {
		start(fake);
		fake.emitExpired("lr_0");
		this.handler.awaitCalls("lr_0");
		fake.faults().failNext(Endpoint.EVENTS, 3, 503).dropStreamsAfter(0, false);
		fake.faults().sendFrame("{\"type\":\"keepalive\"}");
		fake.emitExpired("lr_missed");
		fake.faults().dropStreamsAfter(Integer.MAX_VALUE, false);
		assertThat(this.handler.awaitCalls("lr_missed")).containsExactly("lr_missed null");
	}

	@Test
	@SpecItem("LIME-7.sse_http_error_reconnects")
	void httpErrorOnConnectIsRetried(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 2, 503);
		start(dispatcher(fake).handler(this.handler), Status.RECONNECTING);
		awaitSeen(Status.CONNECTED);
		assertThat(fake.requests().count(Endpoint.EVENTS)).isEqualTo(3);
		assertThat(this.states).extracting(LimeConnectionState::status, LimeConnectionState::attempt)
			.containsSubsequence(tuple(Status.CONNECTING, 0), tuple(Status.RECONNECTING, 1),
					tuple(Status.RECONNECTING, 2), tuple(Status.CONNECTED, 0));
		fake.emitExpired("lr_1");
		assertThat(this.handler.awaitCalls("lr_1")).containsExactly("lr_1 null");
	}

	@Test
	@SpecItem("LIME-8.5")
	void backoffStartsOverAfterAConnectionSucceeds(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 2, 503);
		start(dispatcher(fake), Status.RECONNECTING);
		awaitSeen(Status.CONNECTED);
		this.states.clear();
		fake.faults().dropStreamsAfter(0, false);
		fake.faults().sendFrame("{\"type\":\"keepalive\"}");
		awaitSeen(Status.RECONNECTING);
		assertThat(this.states.get(0).attempt()).isOne();
		assertThat(this.states.get(0).lastFailure()).isNotNull();
	}

	@Test
	void silentStreamIsReconnectedAfterTheReadTimeout(FakeLimeApi fake) {
		fake.faults().silentStreams(true);
		start(dispatcher(fake).readTimeout(Duration.ofMillis(300)), Status.CONNECTED);
		waiting().until(() -> fake.requests().count(Endpoint.EVENTS) >= 2);
		assertThat(this.states).anySatisfy((state) -> {
			assertThat(state.status()).isEqualTo(Status.RECONNECTING);
			assertThat(state.lastFailure()).isInstanceOf(TimeoutException.class);
		});
	}

	@Test
	@SpecItem("LIME-8.6")
	void unauthorizedStreamIsReportedAsAuthRejected(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 1, 401);
		start(dispatcher(fake).handler(this.handler), Status.AUTH_REJECTED);
		assertThat(this.states).anySatisfy((state) -> {
			assertThat(state.status()).isEqualTo(Status.AUTH_REJECTED);
			assertThat(state.attempt()).isOne();
		});
		awaitStatus(Status.CONNECTED);
	}

	@Test
	@SpecItem("LIME-8.6")
	void repeatedAuthRejectionsStopTheRetries(FakeLimeApi fake) throws Exception {
		fake.suspendSite(true);
		start(dispatcher(fake).authRejectionLimit(2), Status.AUTH_REJECTED);
		waiting().until(() -> this.dispatcher.getState().attempt() == 2);
		Thread.sleep(300);
		assertThat(fake.requests().count(Endpoint.EVENTS)).isEqualTo(2);
		assertThat(this.dispatcher.getState().status()).isEqualTo(Status.AUTH_REJECTED);
		assertThat(this.dispatcher.isRunning()).isTrue();
		fake.suspendSite(false);
		this.dispatcher.stop();
		this.dispatcher.start();
		awaitStatus(Status.CONNECTED);
	}

	@Test
	@Timeout(10)
	@SpecItem("LIME-7.stopped_after_stream_error_breaks")
	@SpecItem("LIME-8.11")
	void stopDuringAReconnectWaitReturnsPromptly(FakeLimeApi fake) {
		fake.faults().failNext(Endpoint.EVENTS, 10, 503);
		start(dispatcher(fake).backoffBase(Duration.ofHours(1)).maxBackoff(Duration.ofHours(1)), Status.RECONNECTING);
		this.dispatcher.stop();
		assertThat(this.dispatcher.getState().status()).isEqualTo(Status.STOPPED);
		assertThat(this.dispatcher.isRunning()).isFalse();
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
	}

	@Test
	@SpecItem("LIME-7.stop_cancels_run")
	@SpecItem("LIME-7.stopped_mid_stream")
	@SpecItem("LIME-8.11")
	void stopClosesTheStreamAndIsIdempotent(FakeLimeApi fake) {
		start(fake);
		assertThat(fake.openStreams()).isOne();
		this.dispatcher.stop();
		this.dispatcher.stop();
		assertThat(this.dispatcher.getState().status()).isEqualTo(Status.STOPPED);
		waiting().until(() -> fake.openStreams() == 0);
		assertThat(this.states).extracting(LimeConnectionState::status).containsOnlyOnce(Status.STOPPED);
	}

	@Test
	@SpecItem("LIME-8.11")
	void startIsIdempotentAndTheDispatcherRestartsAfterStop(FakeLimeApi fake) {
		start(fake);
		this.dispatcher.start();
		fake.emitExpired("lr_1");
		this.handler.awaitCalls("lr_1");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isOne();
		this.dispatcher.stop();
		this.dispatcher.start();
		awaitStatus(Status.CONNECTED);
		fake.emitExpired("lr_2");
		assertThat(this.handler.awaitCalls("lr_2")).containsExactly("lr_2 null");
		assertThat(fake.requests().count(Endpoint.EVENTS)).isEqualTo(2);
	}

	private LimeEventDispatcher.Builder dispatcher(FakeLimeApi fake) {
		return LimeEventDispatcher.builder(fake.siteToken())
			.apiBase(fake.baseUrl() + "/")
			.backoffBase(Duration.ofMillis(10))
			.maxBackoff(Duration.ofMillis(50))
			.stateListener(this.states::add);
	}

	private void start(FakeLimeApi fake) {
		start(dispatcher(fake).handler(this.handler));
	}

	private void start(LimeEventDispatcher.Builder builder) {
		start(builder, Status.CONNECTED);
	}

	private void start(LimeEventDispatcher.Builder builder, Status awaited) {
		this.dispatcher = builder.build();
		this.dispatcher.start();
		awaitSeen(awaited);
	}

	private void awaitStatus(Status status) {
		waiting().until(() -> this.dispatcher.getState().status() == status);
	}

	/**
	 * Wait for the listener to have been told of a state: the dispatcher takes a state
	 * before it tells its listeners.
	 */
	private void awaitSeen(Status status) {
		waiting().until(() -> this.states.stream().anyMatch((state) -> state.status() == status));
	}

	private List<String> awaitCalls(String requestId, int count) {
		waiting().until(() -> this.handler.callsFor(requestId).size() >= count);
		return this.handler.callsFor(requestId);
	}

	static ConditionFactory waiting() {
		return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
