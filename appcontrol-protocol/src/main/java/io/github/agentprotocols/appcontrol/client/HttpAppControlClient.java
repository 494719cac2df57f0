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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ServiceResponseStatus;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A client of an app-control local service host over HTTP: each request is a POST of its
 * envelope, and {@link #runStream(ToolCommand)} reads the host's server-sent events.
 * Every envelope is validated against its schema before it is sent and after it is
 * received. Each request carries the trace of its observation in headers (such as W3C's
 * {@code traceparent}) when a tracing handler is registered.
 */
public class HttpAppControlClient extends AbstractServiceHostClient {

	/** How long {@link #create} waits for an answer: five minutes. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

	/** How long {@link #create} waits for a connection: ten seconds. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final URI endpoint;

	private final Duration timeout;

	private final HttpClient http;

	private final ServiceEnvelopes envelopes;

	private HttpAppControlClient(Builder builder) {
		super(builder.token, "http");
		this.endpoint = builder.endpoint;
		this.timeout = builder.timeout;
		this.http = (builder.http != null) ? builder.http : ownHttpClient(builder);
		this.envelopes = new ServiceEnvelopes(builder.schemas);
	}

	/**
	 * The HTTP client of a client built without one: HTTP/1.1, which the host serves,
	 * from the first request on, and responses completed on the HTTP client's selector
	 * thread rather than handed to a worker thread first, since the calling thread waits
	 * for each answer anyway (a stream's lines are read by its subscriber's thread).
	 */
	private static HttpClient ownHttpClient(Builder builder) {
		HttpClient.Builder http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(builder.connectTimeout)
			.executor(Runnable::run);
		if (builder.sslContext != null) {
			http.sslContext(builder.sslContext);
		}
		if (builder.sslParameters != null) {
			http.sslParameters(builder.sslParameters);
		}
		return http.build();
	}

	/**
	 * A builder of a client of the host at {@code endpoint}.
	 * @param endpoint the host's endpoint, such as
	 * {@code http://127.0.0.1:8080/app-control/service}
	 * @return the builder
	 */
	public static Builder builder(URI endpoint) {
		return new Builder(endpoint);
	}

	/**
	 * A client with a five minute timeout, a default HTTP client and the shared
	 * validator.
	 * @param endpoint the host's endpoint
	 * @param token the host's token, or null
	 * @return the client
	 */
	public static HttpAppControlClient create(URI endpoint, @Nullable String token) {
		return builder(endpoint).token(token).build();
	}

	@Override
	protected ServiceResponse exchange(ServiceRequest request, Map<String, String> propagation) {
		HttpResponse<String> reply = send(request, propagation, HttpResponse.BodyHandlers.ofString(),
				"application/json");
		ServiceResponse response = this.envelopes.response(ServiceEnvelopes.parse(reply.body()));
		if (response.status() == ServiceResponseStatus.FAILED) {
			throw ServiceEnvelopes.refused("HTTP " + reply.statusCode(), response.error());
		}
		return response;
	}

	@Override
	protected Flux<ToolEvent> stream(ServiceRequest request, Map<String, String> propagation) {
		return Mono
			.fromCallable(() -> send(request, propagation, HttpResponse.BodyHandlers.ofLines(), "text/event-stream"))
			.flatMapMany((reply) -> Flux.using(reply::body, this::events, Stream::close))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private Flux<ToolEvent> events(Stream<String> lines) {
		return Flux.fromIterable(() -> new ServerSentEvents(lines.iterator())).handle((data, sink) -> {
			Map<String, Object> envelope = ServiceEnvelopes.parse(data);
			if (ServiceEnvelopes.isEvent(envelope)) {
				sink.next(this.envelopes.event(envelope).event());
				return;
			}
			ServiceResponse response = this.envelopes.response(envelope);
			if (response.status() != ServiceResponseStatus.COMPLETE) {
				sink.error(ServiceEnvelopes.refused("HTTP 200", response.error()));
			}
			else {
				sink.complete();
			}
		});
	}

	private <T> HttpResponse<T> send(ServiceRequest request, Map<String, String> propagation,
			HttpResponse.BodyHandler<T> body, String accept) {
		this.envelopes.checked(request);
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(request.toJson()));
		propagation.forEach(builder::header);
		HttpRequest http = builder.build();
		try {
			HttpResponse<T> reply = this.http.send(http, body);
			if (reply.statusCode() >= 300 && reply.body() instanceof Stream<?> lines) {
				String text = String.join("\n", lines.map(String::valueOf).toList());
				throw ServiceEnvelopes.refused("HTTP " + reply.statusCode(),
						this.envelopes.response(ServiceEnvelopes.parse(text)).error());
			}
			return reply;
		}
		catch (IOException ex) {
			throw new AppControlTransportException("app-control service unreachable at " + this.endpoint + ": " + ex,
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AppControlTransportException("interrupted while calling " + this.endpoint, ex);
		}
	}

	/**
	 * The {@code data} of each server-sent event, joined across lines.
	 */
	private static final class ServerSentEvents implements Iterator<String> {

		private final Iterator<String> lines;

		private @Nullable String next;

		ServerSentEvents(Iterator<String> lines) {
			this.lines = lines;
		}

		@Override
		public boolean hasNext() {
			if (this.next == null) {
				this.next = read();
			}
			return this.next != null;
		}

		@Override
		public String next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			String data = this.next;
			this.next = null;
			return data;
		}

		private @Nullable String read() {
			List<String> data = new ArrayList<>();
			while (this.lines.hasNext()) {
				String line = this.lines.next();
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						return String.join("\n", data);
					}
				}
				else if (line.startsWith("data:")) {
					data.add(line.substring(line.startsWith("data: ") ? 6 : 5));
				}
			}
			return data.isEmpty() ? null : String.join("\n", data);
		}

	}

	/**
	 * Builds an {@link HttpAppControlClient}. Unless set, the client sends no token,
	 * waits {@link #DEFAULT_TIMEOUT} for an answer, connects with an HTTP client of its
	 * own ({@link #DEFAULT_CONNECT_TIMEOUT}, the JDK's TLS defaults) and validates with
	 * {@link ProtocolSchemas#shared()}.
	 */
	public static final class Builder {

		private final URI endpoint;

		private @Nullable String token;

		private Duration timeout = DEFAULT_TIMEOUT;

		private @Nullable HttpClient http;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private @Nullable SSLContext sslContext;

		private @Nullable SSLParameters sslParameters;

		private ProtocolSchemas schemas = ProtocolSchemas.shared();

		private Builder(URI endpoint) {
			this.endpoint = endpoint;
		}

		/**
		 * The host's token.
		 * @param token the token, or null
		 * @return this builder
		 */
		public Builder token(@Nullable String token) {
			this.token = token;
			return this;
		}

		/**
		 * How long to wait for a whole {@code run}, {@code submit} or {@code poll}
		 * answer, and for the first bytes of a stream.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * How long the client's own HTTP client waits for a connection; not used with
		 * {@link #httpClient(HttpClient)}.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * The SSL context of the client's own HTTP client towards an {@code https}
		 * endpoint: the authorities it trusts and the client certificate it presents,
		 * instead of the JDK's defaults; not used with {@link #httpClient(HttpClient)}.
		 * @param sslContext the context
		 * @return this builder
		 */
		public Builder sslContext(SSLContext sslContext) {
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * The TLS parameters of the client's own HTTP client, such as the protocols and
		 * cipher suites it enables; not used with {@link #httpClient(HttpClient)}.
		 * @param sslParameters the parameters
		 * @return this builder
		 */
		public Builder sslParameters(SSLParameters sslParameters) {
			this.sslParameters = sslParameters;
			return this;
		}

		/**
		 * The HTTP client to send requests with, instead of one of the client's own.
		 * @param http the HTTP client
		 * @return this builder
		 */
		public Builder httpClient(HttpClient http) {
			this.http = http;
			return this;
		}

		/**
		 * The validator of every envelope sent and received.
		 * @param schemas the validator
		 * @return this builder
		 */
		public Builder schemas(ProtocolSchemas schemas) {
			this.schemas = schemas;
			return this;
		}

		/**
		 * The client.
		 * @return a new client
		 */
		public HttpAppControlClient build() {
			return new HttpAppControlClient(this);
		}

	}

}
