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

package io.github.agentprotocols.lime.test;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fault knobs of a {@link FakeLimeApi}: injected HTTP failures, broken SSE streams
 * and frames, an unavailable JWKS. Knobs apply to the requests and stream writes that
 * follow; {@link #reset()} turns them all off. Broken passports come from
 * {@link FakeLimeApi#passports()}, key rotation from
 * {@link FakeLimeApi#rotateSigningKey}.
 */
public final class FakeLimeFaults {

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	private final EventStreams streams;

	private final Map<Endpoint, InjectedFailure> failures = new EnumMap<>(Endpoint.class);

	private Duration retryAfter = DEFAULT_RETRY_AFTER;

	private boolean htmlErrorBodies;

	private boolean jwksUnavailable;

	private @Nullable StreamEnding streamEnding;

	private boolean splitFrames;

	private boolean severalFramesPerChunk;

	private boolean crlfLineEndings;

	private boolean silentStreams;

	private boolean duplicateDelivery;

	FakeLimeFaults(EventStreams streams) {
		this.streams = streams;
	}

	/**
	 * Answer the next calls to the endpoint with an error status and an {@code ok:false}
	 * body, then behave normally. A 429 or 503 carries {@code Retry-After}. On
	 * {@link Endpoint#EVENTS} this rejects stream connects (e.g. 401 or 503).
	 * @param endpoint the endpoint
	 * @param times how many calls fail
	 * @param status the HTTP status, e.g. 503, 429, 408 or 401
	 * @return these faults
	 */
	public FakeLimeFaults failNext(Endpoint endpoint, int times, int status) {
		return failNext(endpoint, times, status, defaultCode(endpoint, status));
	}

	/**
	 * Answer the next calls to the endpoint with the status and an {@code ok:false} body
	 * carrying the code, then behave normally. A status of 200 gives the "200 with
	 * {@code ok:false}" fault.
	 * @param endpoint the endpoint
	 * @param times how many calls fail
	 * @param status the HTTP status
	 * @param code the error code of the envelope
	 * @return these faults
	 */
	public synchronized FakeLimeFaults failNext(Endpoint endpoint, int times, int status, String code) {
		this.failures.put(endpoint, new InjectedFailure(status, code, times));
		return this;
	}

	/**
	 * The {@code Retry-After} value sent with injected 429 and 503 answers.
	 * @param retryAfter the delay, sent in whole seconds (default 1 s)
	 * @return these faults
	 */
	public synchronized FakeLimeFaults retryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
		return this;
	}

	/**
	 * Send every error answer (real or injected) as an HTML page instead of the JSON
	 * envelope, as a proxy in front of LIME would.
	 * @param html whether error bodies are HTML
	 * @return these faults
	 */
	public synchronized FakeLimeFaults htmlErrorBodies(boolean html) {
		this.htmlErrorBodies = html;
		return this;
	}

	/**
	 * Answer the JWKS endpoint with 503 while set.
	 * @param unavailable whether the JWKS is unreachable
	 * @return these faults
	 */
	public synchronized FakeLimeFaults jwksUnavailable(boolean unavailable) {
		this.jwksUnavailable = unavailable;
		return this;
	}

	/**
	 * Abort every stream, opened or open, once it has written the given number of frames
	 * (keepalives and replayed frames count): the connection is closed without the final
	 * chunk, which the client sees as a broken read.
	 * @param frames frames written before the drop; {@code 0} drops right after the
	 * headers
	 * @param partialFrame whether to write the first half of a frame just before the drop
	 * @return these faults
	 */
	public synchronized FakeLimeFaults dropStreamsAfter(int frames, boolean partialFrame) {
		this.streamEnding = new StreamEnding(frames,
				partialFrame ? StreamEnding.Kind.DROP_PARTIAL : StreamEnding.Kind.DROP);
		return this;
	}

	/**
	 * End every stream cleanly (a normal end of the response body) once it has written
	 * the given number of frames.
	 * @param frames frames written before the end; {@code 0} ends right after the headers
	 * @return these faults
	 */
	public synchronized FakeLimeFaults endStreamsAfter(int frames) {
		this.streamEnding = new StreamEnding(frames, StreamEnding.Kind.END);
		return this;
	}

	/**
	 * Write each frame in three pieces, flushed separately a few milliseconds apart, so
	 * that frames arrive split across network reads.
	 * @param split whether frames are split
	 * @return these faults
	 */
	public synchronized FakeLimeFaults splitFrames(boolean split) {
		this.splitFrames = split;
		return this;
	}

	/**
	 * Write each event frame in one network write together with a keepalive frame before
	 * and after it.
	 * @param several whether several frames share a write
	 * @return these faults
	 */
	public synchronized FakeLimeFaults severalFramesPerChunk(boolean several) {
		this.severalFramesPerChunk = several;
		return this;
	}

	/**
	 * End SSE lines with {@code \r\n} instead of {@code \n}.
	 * @param crlf whether lines end with CRLF
	 * @return these faults
	 */
	public synchronized FakeLimeFaults crlfLineEndings(boolean crlf) {
		this.crlfLineEndings = crlf;
		return this;
	}

	/**
	 * Stop sending keepalives, so an idle stream stays silent longer than a client's read
	 * timeout.
	 * @param silent whether keepalives are suppressed
	 * @return these faults
	 */
	public synchronized FakeLimeFaults silentStreams(boolean silent) {
		this.silentStreams = silent;
		return this;
	}

	/**
	 * Write every {@code approved} and {@code expired} event twice (same payload, same
	 * {@code id:}).
	 * @param duplicate whether events are delivered twice
	 * @return these faults
	 */
	public synchronized FakeLimeFaults duplicateDelivery(boolean duplicate) {
		this.duplicateDelivery = duplicate;
		return this;
	}

	/**
	 * Write a frame with the given {@code data:} payload, verbatim, to the open streams.
	 * It gets no {@code id:} and is never replayed.
	 * @param data the payload
	 * @return the number of streams it was written to
	 */
	public int sendFrame(String data) {
		return this.streams.sendUnlogged(data);
	}

	/**
	 * Write bytes verbatim to the open streams, without SSE framing, e.g. invalid UTF-8
	 * or a line without its end.
	 * @param bytes the bytes
	 * @return the number of streams they were written to
	 */
	public int sendBytes(byte[] bytes) {
		return this.streams.sendRaw(bytes);
	}

	/**
	 * Write a frame whose payload is not JSON.
	 * @return the number of streams it was written to
	 */
	public int sendMalformedJson() {
		return sendFrame("{\"type\":\"approved\",\"login_request_id\":");
	}

	/**
	 * Write an {@code approved} frame without {@code agent_passport_jwt}.
	 * @param requestId the login request id of the frame
	 * @return the number of streams it was written to
	 */
	public int sendApprovedWithoutJwt(String requestId) {
		return sendFrame(Json.object("type", "approved", "login_request_id", requestId, "status", "approved"));
	}

	/**
	 * Write a frame of a type the site does not know ({@code challenge}).
	 * @param requestId the login request id of the frame
	 * @return the number of streams it was written to
	 */
	public int sendUnknownType(String requestId) {
		return sendFrame(Json.object("type", "challenge", "login_request_id", requestId));
	}

	/**
	 * Write an {@code error} frame.
	 * @param code the error code, e.g. {@code CHANNEL_DOWN}
	 * @param message the message, e.g. {@code redis unavailable}
	 * @return the number of streams it was written to
	 */
	public int sendErrorFrame(String code, String message) {
		return sendFrame(Json.object("type", "error", "code", code, "message", message));
	}

	/**
	 * Turn every knob off. Frames already written are not taken back.
	 */
	public synchronized void reset() {
		this.failures.clear();
		this.retryAfter = DEFAULT_RETRY_AFTER;
		this.htmlErrorBodies = false;
		this.jwksUnavailable = false;
		this.streamEnding = null;
		this.splitFrames = false;
		this.severalFramesPerChunk = false;
		this.crlfLineEndings = false;
		this.silentStreams = false;
		this.duplicateDelivery = false;
	}

	synchronized @Nullable InjectedFailure takeFailure(Endpoint endpoint) {
		InjectedFailure failure = this.failures.get(endpoint);
		if (failure == null) {
			return null;
		}
		if (failure.remaining() <= 1) {
			this.failures.remove(endpoint);
		}
		else {
			this.failures.put(endpoint, failure.next());
		}
		return (failure.remaining() > 0) ? failure : null;
	}

	synchronized Duration retryAfter() {
		return this.retryAfter;
	}

	synchronized boolean htmlErrorBodies() {
		return this.htmlErrorBodies;
	}

	synchronized boolean jwksUnavailable() {
		return this.jwksUnavailable;
	}

	synchronized @Nullable StreamEnding streamEnding() {
		return this.streamEnding;
	}

	synchronized boolean splitFrames() {
		return this.splitFrames;
	}

	synchronized boolean severalFramesPerChunk() {
		return this.severalFramesPerChunk;
	}

	synchronized boolean crlfLineEndings() {
		return this.crlfLineEndings;
	}

	synchronized boolean silentStreams() {
		return this.silentStreams;
	}

	synchronized boolean duplicateDelivery() {
		return this.duplicateDelivery;
	}

	private static String defaultCode(Endpoint endpoint, int status) {
		return switch (status) {
			case 401 -> (endpoint == Endpoint.APPROVE) ? "INVALID_AGENT_TOKEN" : "SITE_TOKEN_INVALID";
			case 403 -> "SITE_SUSPENDED";
			case 408 -> "REQUEST_TIMEOUT";
			case 429 -> "RATE_LIMIT_EXCEEDED";
			case 500 -> "INTERNAL_ERROR";
			case 502 -> "BAD_GATEWAY";
			case 503 -> "SERVICE_UNAVAILABLE";
			case 504 -> "GATEWAY_TIMEOUT";
			default -> "FAKE_FAULT";
		};
	}

	/**
	 * An injected error answer and how many calls it still applies to.
	 */
	record InjectedFailure(int status, String code, int remaining) {

		InjectedFailure next() {
			return new InjectedFailure(this.status, this.code, this.remaining - 1);
		}

	}

	/**
	 * How and when open streams end.
	 */
	record StreamEnding(int frames, Kind kind) {

		enum Kind {

			DROP, DROP_PARTIAL, END

		}

	}

}
