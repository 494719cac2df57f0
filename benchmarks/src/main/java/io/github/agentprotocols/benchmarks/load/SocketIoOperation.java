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

package io.github.agentprotocols.benchmarks.load;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;

/**
 * A Socket.IO emit with acknowledgement per call, through the official Java client:
 * completes with the acknowledgement's arguments.
 */
public final class SocketIoOperation implements Operation, AutoCloseable {

	private final Socket socket;

	private final String event;

	private final Supplier<Object> payloads;

	/**
	 * Connect to {@code uri} and wait until connected.
	 * @param uri the server address (with namespace path, if any)
	 * @param options the client options (auth, transports, …)
	 * @param event the event each call emits
	 * @param payloads the payload of each call
	 */
	public SocketIoOperation(URI uri, IO.Options options, String event, Supplier<Object> payloads) {
		this.event = event;
		this.payloads = payloads;
		this.socket = IO.socket(uri, options);
		CompletableFuture<Void> connected = new CompletableFuture<>();
		this.socket.once(Socket.EVENT_CONNECT, (args) -> connected.complete(null));
		this.socket.once(Socket.EVENT_CONNECT_ERROR,
				(args) -> connected.completeExceptionally(new IllegalStateException("connect error: " + args[0])));
		this.socket.connect();
		connected.orTimeout(10, TimeUnit.SECONDS).join();
	}

	@Override
	public CompletionStage<Object[]> call() {
		CompletableFuture<Object[]> acknowledged = new CompletableFuture<>();
		this.socket.emit(this.event, new Object[] { this.payloads.get() }, (Ack) acknowledged::complete);
		return acknowledged;
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
