package io.github.agentprotocols.lime.sse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An event stream on a loopback port that writes fixed bytes, one network write per
 * chunk, to every connection and then keeps it open or ends it: for frames the fake LIME
 * API cannot produce, such as bytes that are not UTF-8.
 */
final class RawEventStreamServer implements AutoCloseable {

	private final AtomicInteger connections = new AtomicInteger();

	private final DisposableServer server;

	RawEventStreamServer(List<byte[]> chunks) {
		this(chunks, false);
	}

	RawEventStreamServer(List<byte[]> chunks, boolean end) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/api/v1" + LimeEventDispatcher.EVENTS_PATH, (request, response) -> {
				this.connections.incrementAndGet();
				return response.header("Content-Type", "text/event-stream")
					.send(Flux.fromIterable(chunks)
						.map(Unpooled::wrappedBuffer)
						.concatWith(end ? Flux.empty() : Flux.never()), (buffer) -> true);
			}))
			.bindNow(Duration.ofSeconds(10));
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/api/v1";
	}

	int connections() {
		return this.connections.get();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(10));
	}

}
