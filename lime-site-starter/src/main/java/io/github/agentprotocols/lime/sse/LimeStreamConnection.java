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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.agentprotocols.lime.sse.LimeConnectionState.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.Retry.RetrySignal;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The site's connection to the LIME event stream: opens it with the site token and
 * {@code Last-Event-ID}, lets only whole, size-capped frames through to a
 * {@link Listener}, and reconnects after an exponential backoff with full jitter when it
 * fails or ends, giving up after the configured number of 401/403 answers since the last
 * connection that succeeded. Knows nothing of what the frames mean. Its
 * {@link #getState() state} is published to listeners.
 */
final class LimeStreamConnection {

	private static final String SITE_TOKEN_HEADER = "X-Site-Token";

	private static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";

	private static final int LOGGED_BODY_CHARS = 200;

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT_TYPE = new ParameterizedTypeReference<>() {
	};

	private static final Log logger = LogFactory.getLog(LimeEventDispatcher.class);

	private final WebClient webClient;

	private final URI eventsUri;

	private final String siteToken;

	private final Duration readTimeout;

	private final ReconnectBackoff backoff;

	private final int authRejectionLimit;

	private final SseFrameGuard frameGuard;

	private final List<Consumer<LimeConnectionState>> stateListeners;

	private final Clock clock;

	private final Object lifecycleMonitor = new Object();

	private volatile LimeConnectionState state;

	private volatile @Nullable Instant lastEventTime;

	private volatile @Nullable Duration retryHint;

	private @Nullable Run run;

	LimeStreamConnection(Settings settings, List<Consumer<LimeConnectionState>> stateListeners, Clock clock) {
		int maxFrameBytes = settings.maxFrameBytes();
		this.webClient = settings.webClient()
			.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(maxFrameBytes))
			.build();
		this.eventsUri = settings.eventsUri();
		this.siteToken = settings.siteToken();
		this.readTimeout = settings.readTimeout();
		this.backoff = settings.backoff();
		this.authRejectionLimit = settings.authRejectionLimit();
		this.frameGuard = new SseFrameGuard(maxFrameBytes);
		this.stateListeners = List.copyOf(stateListeners);
		this.clock = clock;
		this.state = new LimeConnectionState(Status.STOPPED, 0, clock.instant(), null);
	}

	/**
	 * Opens the stream, unless already open, for a new listener; connecting and
	 * reconnecting happen in the background.
	 * @param listener creates what receives the frames of this opening
	 */
	void open(Supplier<Listener> listener) {
		Run started;
		synchronized (this.lifecycleMonitor) {
			if (this.run != null) {
				return;
			}
			started = new Run(listener.get());
			this.run = started;
		}
		started.begin();
	}

	/**
	 * Closes the stream, unless already closed, cancelling a connection or reconnect wait
	 * in progress, then closes its listener.
	 */
	void close() {
		Run stopped;
		synchronized (this.lifecycleMonitor) {
			stopped = this.run;
			this.run = null;
		}
		if (stopped != null) {
			stopped.end();
			changeState(null, Status.STOPPED, 0, null);
		}
	}

	boolean isOpen() {
		synchronized (this.lifecycleMonitor) {
			return this.run != null;
		}
	}

	LimeConnectionState getState() {
		return this.state;
	}

	@Nullable Instant getLastEventTime() {
		return this.lastEventTime;
	}

	private void changeState(@Nullable Run from, Status status, int attempt, @Nullable Throwable failure) {
		LimeConnectionState changed = new LimeConnectionState(status, attempt, this.clock.instant(), failure);
		synchronized (this.lifecycleMonitor) {
			if (from != null && from != this.run) {
				return;
			}
			this.state = changed;
		}
		for (Consumer<LimeConnectionState> listener : this.stateListeners) {
			try {
				listener.accept(changed);
			}
			catch (RuntimeException ex) {
				logger.warn("LIME connection state listener " + listener + " failed", ex);
			}
		}
	}

	/**
	 * What the connection needs from whoever reads its frames.
	 */
	interface Listener {

		/**
		 * Called before each connection attempt, for example to learn a newer last event
		 * id; a failure fails the attempt.
		 * @return completes when the attempt may go ahead
		 */
		Mono<Void> beforeConnect();

		/**
		 * The id to send as {@code Last-Event-ID}.
		 * @return the id, or {@code null} for none
		 */
		@Nullable String lastEventId();

		/**
		 * Called once the stream answered 2xx.
		 */
		void connected();

		/**
		 * Takes a frame; the next frame is read once the returned Mono completes.
		 * @param frame the frame
		 * @return completes when the frame is taken
		 */
		Mono<Void> frame(ServerSentEvent<String> frame);

		/**
		 * Called when the connection is closed for good.
		 */
		void closed();

	}

	/**
	 * How to connect.
	 *
	 * @param webClient the client, copied with the frame limit
	 * @param eventsUri the URI of the event stream
	 * @param siteToken the site token
	 * @param readTimeout the longest silence tolerated
	 * @param backoff the delays between attempts
	 * @param authRejectionLimit the rejections taken before giving up
	 * @param maxFrameBytes the largest frame read
	 */
	record Settings(WebClient webClient, URI eventsUri, String siteToken, Duration readTimeout,
			ReconnectBackoff backoff, int authRejectionLimit, int maxFrameBytes) {
	}

	/**
	 * One opening of the connection, from {@link #open} to {@link #close()}: its
	 * connection loop and its failure counts.
	 */
	private final class Run {

		private final Listener listener;

		private final WebClient client = LimeStreamConnection.this.webClient.mutate().filter(this::exchange).build();

		private final Disposable.Swap subscription = Disposables.swap();

		private volatile int failuresInARow;

		private volatile int authRejections;

		Run(Listener listener) {
			this.listener = listener;
		}

		void begin() {
			changeState(this, Status.CONNECTING, 0, null);
			this.subscription.update(Mono.defer(this::connect)
				.retryWhen(Retry.from((signals) -> signals.concatMap(this::afterFailure)))
				.subscribe(null, (ex) -> logger.error("Gave up connecting to the LIME event stream: the site token "
						+ "was rejected; restart the dispatcher once it is fixed")));
		}

		void end() {
			this.subscription.dispose();
			this.listener.closed();
		}

		private Mono<Void> connect() {
			return this.listener.beforeConnect().then(Mono.defer(this::open));
		}

		private Mono<Void> open() {
			return this.client.get()
				.uri(LimeStreamConnection.this.eventsUri)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.header(SITE_TOKEN_HEADER, LimeStreamConnection.this.siteToken)
				.headers((headers) -> {
					String id = this.listener.lastEventId();
					if (id != null) {
						headers.set(LAST_EVENT_ID_HEADER, id);
					}
				})
				.retrieve()
				.onStatus((status) -> !status.is2xxSuccessful(), ClientResponse::createException)
				.bodyToFlux(EVENT_TYPE)
				.concatMap(this::read)
				.then(Mono.error(StreamEndedException::new));
		}

		private Mono<Void> read(ServerSentEvent<String> frame) {
			LimeStreamConnection.this.lastEventTime = LimeStreamConnection.this.clock.instant();
			if (frame.retry() != null) {
				LimeStreamConnection.this.retryHint = frame.retry();
			}
			return this.listener.frame(frame);
		}

		private Mono<ClientResponse> exchange(ClientRequest request, ExchangeFunction next) {
			return next.exchange(request).timeout(LimeStreamConnection.this.readTimeout).map(this::guard);
		}

		private ClientResponse guard(ClientResponse response) {
			if (!response.statusCode().is2xxSuccessful()) {
				return response;
			}
			this.failuresInARow = 0;
			this.authRejections = 0;
			changeState(this, Status.CONNECTED, 0, null);
			logger.debug("Connected to the LIME event stream");
			this.listener.connected();
			Duration readTimeout = LimeStreamConnection.this.readTimeout;
			return response.mutate()
				.body((body) -> LimeStreamConnection.this.frameGuard.frame(body.timeout(readTimeout))
					.onErrorMap(BrokenStreamException::new))
				.build();
		}

		private Mono<Long> afterFailure(RetrySignal signal) {
			Throwable failure = causeOf(signal.failure());
			int failures = ++this.failuresInARow;
			if (failure instanceof WebClientResponseException response && isAuthRejection(response)) {
				int rejections = ++this.authRejections;
				changeState(this, Status.AUTH_REJECTED, rejections, failure);
				logger.error("LIME rejected the site token on the event stream (HTTP "
						+ response.getStatusCode().value() + ", rejection " + rejections + " of "
						+ LimeStreamConnection.this.authRejectionLimit + "): " + excerpt(response));
				if (rejections >= LimeStreamConnection.this.authRejectionLimit) {
					return Mono.error(failure);
				}
			}
			else {
				changeState(this, Status.RECONNECTING, failures, failure);
				logFailure(failure);
			}
			return Mono.delay(LimeStreamConnection.this.backoff.delay(failures, LimeStreamConnection.this.retryHint));
		}

		private Throwable causeOf(Throwable failure) {
			return (failure instanceof BrokenStreamException && failure.getCause() != null) ? failure.getCause()
					: failure;
		}

		private boolean isAuthRejection(WebClientResponseException response) {
			int status = response.getStatusCode().value();
			return status == 401 || status == 403;
		}

		private void logFailure(Throwable failure) {
			if (failure instanceof StreamEndedException) {
				logger.debug("The LIME event stream ended; reconnecting");
			}
			else if (failure instanceof WebClientResponseException response) {
				logger.warn("The LIME event stream answered HTTP " + response.getStatusCode().value() + ": "
						+ excerpt(response) + "; reconnecting");
			}
			else {
				logger.warn("The LIME event stream failed (" + failure + "); reconnecting");
			}
		}

		private String excerpt(WebClientResponseException response) {
			String body = response.getResponseBodyAsString();
			return (body.length() > LOGGED_BODY_CHARS) ? body.substring(0, LOGGED_BODY_CHARS) : body;
		}

	}

	/**
	 * Carries a failure of the stream after its response arrived (a reset, a read
	 * timeout). Being one of WebClient's own exceptions, it spares {@code retrieve()}
	 * wrapping the failure, which would subscribe to the broken body a second time.
	 */
	private static final class BrokenStreamException extends WebClientException {

		BrokenStreamException(Throwable cause) {
			super("The LIME event stream broke", cause);
		}

	}

	/**
	 * Signals the clean end of a connection, which is retried like a failure.
	 */
	private static final class StreamEndedException extends RuntimeException {

		StreamEndedException() {
			super("The LIME event stream ended", null, false, false);
		}

	}

}
