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

package io.github.agentprotocols.happy.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.AckRequest;
import org.jspecify.annotations.Nullable;

/**
 * Routes RPC calls between the sockets of an account (spec §6.1): {@code rpc-register} /
 * {@code rpc-unregister} name a socket as the handler of a method, {@code rpc-call} is
 * forwarded to the first registered socket as {@code rpc-request} and its answer returned
 * in the caller's ack, with the server's error texts for a method nobody registered
 * (after waiting for it), a self call, a target that never answers and a target that went
 * away.
 */
final class RpcRouter {

	static final String NOT_AVAILABLE = "RPC method not available";

	static final String TARGET_DISCONNECTED = "RPC target disconnected";

	static final String TIMED_OUT = "operation has timed out";

	static final String METHOD_REQUIRED = "Invalid parameters: method is required";

	static final String SAME_SOCKET = "Cannot call RPC on the same socket";

	private final SocketRegistry sockets;

	private final FakeHappyFaults faults;

	private final ScheduledExecutorService timer;

	private final RpcTimings timings;

	private final InboundPackets transports;

	/** Registered sockets by account and method, in registration order. */
	private final Map<String, Set<UUID>> handlers = new HashMap<>();

	private final List<Call> waiting = new ArrayList<>();

	private final List<Call> inFlight = new ArrayList<>();

	RpcRouter(SocketRegistry sockets, FakeHappyFaults faults, ScheduledExecutorService timer, RpcTimings timings,
			InboundPackets transports) {
		this.sockets = sockets;
		this.faults = faults;
		this.timer = timer;
		this.timings = timings;
		this.transports = transports;
	}

	void register(SocketConnection connection, @Nullable Object data) {
		String method = method(data);
		if (method == null) {
			connection.client().sendEvent("rpc-error", Json.object("type", "register", "error", "Invalid method name"));
			return;
		}
		synchronized (this) {
			this.handlers.computeIfAbsent(key(connection.accountId(), method), (key) -> new LinkedHashSet<>())
				.add(connection.socketId());
		}
		connection.client().sendEvent("rpc-registered", Json.object("method", method));
		dispatchWaiting();
	}

	void unregister(SocketConnection connection, @Nullable Object data) {
		String method = method(data);
		if (method == null) {
			connection.client()
				.sendEvent("rpc-error", Json.object("type", "unregister", "error", "Invalid method name"));
			return;
		}
		synchronized (this) {
			Set<UUID> registered = this.handlers.get(key(connection.accountId(), method));
			if (registered != null) {
				registered.remove(connection.socketId());
			}
		}
		connection.client().sendEvent("rpc-unregistered", Json.object("method", method));
	}

	void call(SocketConnection caller, @Nullable Object data, AckRequest ack) {
		String method = method(data);
		if (method == null) {
			ack.sendAckData(Json.object("ok", false, "error", METHOD_REQUIRED));
			return;
		}
		if (this.faults.neverAcked(method)) {
			return;
		}
		Object params = ((Map<?, ?>) data).get("params");
		Call call = new Call(caller, method, params, ack);
		SocketConnection target;
		synchronized (this) {
			target = target(caller.accountId(), method);
			if (target == null) {
				this.waiting.add(call);
				call.timeout = schedule(() -> giveUp(call), this.timings.targetWait().toMillis());
				return;
			}
		}
		forward(call, target);
	}

	/**
	 * A socket went away: its registrations end, and the calls it was answering fail once
	 * the disconnect is detected.
	 */
	void disconnected(SocketConnection connection) {
		List<Call> orphaned = new ArrayList<>();
		synchronized (this) {
			this.handlers.values().forEach((registered) -> registered.remove(connection.socketId()));
			for (Call call : this.inFlight) {
				if (connection.socketId().equals(call.target)) {
					orphaned.add(call);
				}
			}
		}
		orphaned.forEach(this::orphaned);
	}

	private void orphaned(Call call) {
		schedule(() -> call.finish(failure(TARGET_DISCONNECTED)), this.timings.disconnectDetection().toMillis());
	}

	/**
	 * Forward the calls waiting for a target that has one now.
	 */
	void dispatchWaiting() {
		List<Call> ready = new ArrayList<>();
		List<SocketConnection> targets = new ArrayList<>();
		synchronized (this) {
			for (Call call : List.copyOf(this.waiting)) {
				SocketConnection target = target(call.caller.accountId(), call.method);
				if (target != null) {
					this.waiting.remove(call);
					cancel(call.timeout);
					ready.add(call);
					targets.add(target);
				}
			}
		}
		for (int i = 0; i < ready.size(); i++) {
			forward(ready.get(i), targets.get(i));
		}
	}

	private void giveUp(Call call) {
		synchronized (this) {
			if (!this.waiting.remove(call)) {
				return;
			}
		}
		call.finish(failure(NOT_AVAILABLE));
	}

	private void forward(Call call, SocketConnection target) {
		if (target.socketId().equals(call.caller.socketId())) {
			call.finish(failure(SAME_SOCKET));
			return;
		}
		boolean targetGone;
		synchronized (this) {
			call.target = target.socketId();
			this.inFlight.add(call);
			// A target that left since it was chosen was removed before its
			// disconnected() looked for the calls it was answering: fail this one too.
			targetGone = this.sockets.get(target.socketId()) == null;
		}
		if (targetGone) {
			orphaned(call);
			return;
		}
		call.timeout = schedule(() -> call.finish(failure(TIMED_OUT)), this.timings.answerTimeout().toMillis());
		// Taken before the request goes out: an answer that comes back before the drop
		// takes effect is lost, as it is when the real server loses the target.
		boolean dropTarget = this.faults.takeDropTarget(call.method);
		target.client().sendEvent("rpc-request", new AckCallback<>(Object.class) {

			@Override
			public void onSuccess(@Nullable Object result) {
				if (!dropTarget) {
					call.finish((result != null) ? Json.object("ok", true, "result", result) : Json.object("ok", true));
				}
			}

		}, Json.object("method", call.method, "params", call.params));
		if (this.faults.takeDropCaller(call.method)) {
			this.transports.drop(call.caller.socketId());
		}
		if (dropTarget) {
			this.transports.drop(target.socketId());
		}
	}

	private @Nullable SocketConnection target(String accountId, String method) {
		if (this.faults.isOffline(method)) {
			return null;
		}
		Set<UUID> registered = this.handlers.get(key(accountId, method));
		if (registered == null) {
			return null;
		}
		for (UUID socketId : registered) {
			SocketConnection connection = this.sockets.get(socketId);
			if (connection != null) {
				return connection;
			}
		}
		return null;
	}

	private ScheduledFuture<?> schedule(Runnable task, long millis) {
		return this.timer.schedule(task, millis, TimeUnit.MILLISECONDS);
	}

	private static void cancel(@Nullable ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

	private static @Nullable String method(@Nullable Object data) {
		Object method = (data instanceof Map<?, ?> map) ? map.get("method") : null;
		return (method instanceof String name && !name.isEmpty()) ? name : null;
	}

	private static String key(String accountId, String method) {
		return accountId + "\n" + method;
	}

	private static Map<String, @Nullable Object> failure(String error) {
		return Json.object("ok", false, "error", error);
	}

	/**
	 * A call waiting for its target or its answer; answered once.
	 */
	private final class Call {

		final SocketConnection caller;

		final String method;

		final @Nullable Object params;

		final AckRequest ack;

		final AtomicBoolean answered = new AtomicBoolean();

		volatile @Nullable UUID target;

		volatile @Nullable ScheduledFuture<?> timeout;

		Call(SocketConnection caller, String method, @Nullable Object params, AckRequest ack) {
			this.caller = caller;
			this.method = method;
			this.params = params;
			this.ack = ack;
		}

		void finish(Map<String, @Nullable Object> answer) {
			if (!this.answered.compareAndSet(false, true)) {
				return;
			}
			cancel(this.timeout);
			synchronized (RpcRouter.this) {
				RpcRouter.this.inFlight.remove(this);
			}
			this.ack.sendAckData(answer);
		}

	}

}
