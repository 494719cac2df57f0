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

package io.github.agentprotocols.commons.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A WebFlux application, run in a JVM of its own, whose responses complete the way a
 * Redis-backed protocol endpoint's do: on the event loop of another Netty client (as
 * Lettuce's replies arrive), with the request body read between two such lookups or
 * before one, and some answered at once on the server's event loop while the body is
 * read. Clients send requests one after the other on keep-alive connections, each as soon
 * as the previous answer arrived, as agents do.
 * <p>
 * Arguments: the number of clients, the requests each sends, the seconds to wait for each
 * answer. Prints {@code answered <n> of <total>}, one line per request left unanswered,
 * then {@code lastFlushWhenNoRead <value>}: the value Reactor Netty's HTTP server read.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OffEventLoopAnswersApplication {

	private static final EventLoopGroup lookups = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

	@Bean
	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.POST("/lookup-body-lookup",
					(request) -> lookup("session").then(request.bodyToMono(String.class).defaultIfEmpty(""))
						.flatMap(OffEventLoopAnswersApplication::lookup)
						.flatMap((body) -> ServerResponse.ok().bodyValue(body.getBytes(StandardCharsets.UTF_8))))
			.POST("/body-then-lookup",
					(request) -> request.bodyToMono(String.class)
						.defaultIfEmpty("")
						.flatMap((body) -> body.contains("refused") ? ServerResponse.badRequest().bodyValue(body)
								: lookup(body).flatMap((value) -> ServerResponse.ok().bodyValue(value))))
			.GET("/lookup", (request) -> lookup("{}").flatMap((body) -> ServerResponse.ok().bodyValue(body)))
			.build();
	}

	/** Completes with the value on the event loop of another Netty client. */
	private static <T> Mono<T> lookup(T value) {
		CompletableFuture<T> reply = new CompletableFuture<>();
		lookups.next().execute(() -> reply.complete(value));
		return Mono.fromFuture(reply);
	}

	public static void main(String[] args) throws Exception {
		int clients = Integer.parseInt(args[0]);
		int requests = Integer.parseInt(args[1]);
		Duration answerTimeout = Duration.ofSeconds(Long.parseLong(args[2]));
		SpringApplication application = new SpringApplication(OffEventLoopAnswersApplication.class);
		application.setDefaultProperties(
				Map.of("server.port", "0", "spring.main.banner-mode", "off", "logging.level.root", "warn"));
		ConfigurableApplicationContext context = application.run();
		String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
		AtomicInteger answered = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(clients);
		List<Future<List<String>>> results = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			results.add(executor.submit(() -> send(base, requests, answerTimeout, answered)));
		}
		List<String> unanswered = new ArrayList<>();
		for (Future<List<String>> result : results) {
			unanswered.addAll(result.get());
		}
		executor.shutdown();
		System.out.println("answered " + answered.get() + " of " + (clients * requests));
		unanswered.forEach(System.out::println);
		System.out.println("lastFlushWhenNoRead " + KeepAliveSequenceApplication.lastFlushWhenNoReadInEffect());
		lookups.shutdownGracefully(0, 0, TimeUnit.SECONDS);
		System.exit(SpringApplication.exit(context));
	}

	private static List<String> send(String base, int requests, Duration answerTimeout, AtomicInteger answered)
			throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<String> unanswered = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			HttpRequest request = request(base, i).timeout(answerTimeout).build();
			try {
				client.send(request, HttpResponse.BodyHandlers.ofString());
				answered.incrementAndGet();
			}
			catch (HttpTimeoutException ex) {
				unanswered.add("unanswered " + request.method() + " " + request.uri().getPath());
			}
		}
		return unanswered;
	}

	private static HttpRequest.Builder request(String base, int i) {
		return switch (i % 4) {
			case 0 -> post(base + "/lookup-body-lookup", "{\"value\":" + i + "}");
			case 1 -> post(base + "/body-then-lookup", "{\"value\":" + i + "}");
			case 2 -> post(base + "/body-then-lookup", "{\"value\":\"refused\"}");
			default -> HttpRequest.newBuilder(URI.create(base + "/lookup")).GET();
		};
	}

	private static HttpRequest.Builder post(String uri, String body) {
		return HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

}
