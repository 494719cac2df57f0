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

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.ClassUtils;

/**
 * What Reactor Netty's own request and response behind WebFlux's tell, when Reactor Netty
 * is the web server. On other servers (Reactor Netty need not even be on the class path)
 * and in mock exchanges, which have no native request or refuse to hand it out, the
 * answers are {@code false}.
 */
public final class ReactorNettyExchange {

	private static final boolean PRESENT = ClassUtils.isPresent("reactor.netty.http.server.HttpServerRequest",
			ReactorNettyExchange.class.getClassLoader());

	private ReactorNettyExchange() {
	}

	/**
	 * Whether Reactor Netty received the request over HTTP/1.x.
	 * @param request the request
	 * @return whether it came over HTTP/1.x through Reactor Netty
	 */
	public static boolean isHttp1(ServerHttpRequest request) {
		return PRESENT && Native.isHttp1(request);
	}

	/**
	 * Whether Reactor Netty has already sent the response's status and headers.
	 * @param response the response
	 * @return whether they were sent
	 */
	public static boolean hasSentHeaders(ServerHttpResponse response) {
		return PRESENT && Native.hasSentHeaders(response);
	}

	/**
	 * Completes when the request's connection closes.
	 * @param request the request
	 * @return completes when the connection closes; {@code null} when the request did not
	 * come through Reactor Netty
	 */
	public static @Nullable Mono<Void> connectionClosed(ServerHttpRequest request) {
		return PRESENT ? Native.connectionClosed(request) : null;
	}

	/**
	 * The elements of a response's stream, handed on by the event loop of the request's
	 * connection, the thread on which Reactor Netty cancels the stream when its client
	 * leaves. Spring's writer of server-sent events makes each event a scalar publisher
	 * of its buffer; Reactor Core 3.8's scalar subscription, requested on one thread
	 * while cancelled on another, can both emit and discard its value, and the buffer,
	 * written and released, is released once more by Reactor Netty, which drops an
	 * {@code IllegalReferenceCountException}. On the connection's event loop the request
	 * and the cancel cannot overlap. An element on its way as the client leaves is
	 * discarded, without an error. Elsewhere the elements come as they are.
	 * @param <T> the type of the elements
	 * @param request the request
	 * @param elements the stream's elements
	 * @return the elements, on the connection's event loop when Reactor Netty serves it
	 */
	public static <T> Flux<T> onEventLoop(ServerHttpRequest request, Flux<T> elements) {
		return PRESENT ? Native.onEventLoop(request, elements) : elements;
	}

	/**
	 * The part that names Reactor Netty's types, loaded only when they are present.
	 */
	private static final class Native {

		static <T> Flux<T> onEventLoop(ServerHttpRequest request, Flux<T> elements) {
			try {
				return (ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection)
						? elements.publishOn(new EventLoopScheduler(connection.channel().eventLoop())) : elements;
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				return elements;
			}
		}

		/**
		 * Runs what it is given on an event loop, through its workers too once they are
		 * disposed. {@code publishOn}, cancelled on the event loop while an element comes
		 * on another thread, asks its disposed worker to run the drain that discards the
		 * element; Reactor's executor workers refuse, and {@code publishOn} drops the
		 * refusal as an error (logged at ERROR).
		 *
		 * @param eventLoop the event loop
		 */
		private record EventLoopScheduler(Executor eventLoop) implements Scheduler {

			@Override
			public Disposable schedule(Runnable task) {
				Task scheduled = new Task(Schedulers.onSchedule(task));
				this.eventLoop.execute(scheduled);
				return scheduled;
			}

			@Override
			public Worker createWorker() {
				AtomicBoolean disposed = new AtomicBoolean();
				return new Worker() {

					@Override
					public Disposable schedule(Runnable task) {
						return EventLoopScheduler.this.schedule(task);
					}

					@Override
					public void dispose() {
						disposed.set(true);
					}

					@Override
					public boolean isDisposed() {
						return disposed.get();
					}

				};
			}

		}

		/**
		 * A task that does not run once disposed.
		 */
		private static final class Task extends AtomicBoolean implements Runnable, Disposable {

			private final Runnable task;

			Task(Runnable task) {
				this.task = task;
			}

			@Override
			public void run() {
				if (!get()) {
					this.task.run();
				}
			}

			@Override
			public void dispose() {
				set(true);
			}

			@Override
			public boolean isDisposed() {
				return get();
			}

		}

		static @Nullable Mono<Void> connectionClosed(ServerHttpRequest request) {
			try {
				return (ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection)
						? connection.onDispose() : null;
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				return null;
			}
		}

		static boolean isHttp1(ServerHttpRequest request) {
			try {
				return ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest reactor
						&& reactor.version().majorVersion() == 1;
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				return false;
			}
		}

		static boolean hasSentHeaders(ServerHttpResponse response) {
			try {
				return ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse reactor
						&& reactor.hasSentHeaders();
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				return false;
			}
		}

	}

}
