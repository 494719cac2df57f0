package io.github.agentprotocols.acp.cluster;

import java.util.UUID;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.github.agentprotocols.testsupport.UsesPostgres;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The span tree of a run across two instances on one PostgreSQL database, each tracing
 * into a recorder of its own: the invocation on instance A, its run, the run's handler,
 * the broadcast of the message it appended and the relay's NOTIFY on A; on B the receipt
 * of that notification, continuing A's trace from the payload alone, and the broadcast to
 * B's rooms below it.
 */
@UsesPostgres
class PostgresClusterTracingTests {

	static final AcpTestDatabase database = AcpTestDatabase.create(PostgresClusterTracingTests.class);

	static final RecordedSpans spansA = RecordedSpans.start();

	static final RecordedSpans spansB = RecordedSpans.start();

	static ClusterInstance a;

	static ClusterInstance b;

	@BeforeAll
	static void startInstances() {
		a = start("acp-tracing-a-" + UUID.randomUUID(), spansA);
		b = start("acp-tracing-b-" + UUID.randomUUID(), spansB);
	}

	@AfterAll
	static void stopInstances() {
		try {
			a.close();
			b.close();
		}
		finally {
			spansA.close();
			spansB.close();
			database.close();
		}
	}

	static ClusterInstance start(String applicationName, RecordedSpans spans) {
		return ClusterInstance.start(
				new SpringApplicationBuilder(ClusterTestApplication.class)
					.initializers((context) -> ((GenericApplicationContext) context).registerBean("observationRegistry",
							ObservationRegistry.class, spans::observationRegistry)),
				"spring.r2dbc.url=" + database.r2dbcUrl() + "&applicationName=" + applicationName);
	}

	@Test
	void runInvokedOnATracesThroughTheNotifyPayloadToTheBroadcastOnB() {
		String thread = a.createThread("alice");
		String run = a.invoke("alice", thread, "echo");
		SpanData invocation = spansA.awaitSpan("the invocation of run " + run,
				(span) -> span.getName().equals("acp runs.create") && run.equals(tag(span, "acp.run.id")));
		SpanData request = spansA.awaitSpan("the HTTP request of the invocation",
				(span) -> span.getSpanId().equals(invocation.getParentSpanId()));
		assertThat(tag(request, "method")).isEqualTo("POST");
		SpanData running = spansA.awaitSpan("run " + run,
				(span) -> span.getName().equals("acp.run") && run.equals(tag(span, "acp.run.id")));
		spansA.assertChildOf(running, invocation);
		assertThat(tag(running, "acp.run.status")).isEqualTo("completed");
		SpanData handler = spansA.awaitSpan("the handler of run " + run,
				(span) -> span.getName().equals("acp.run.handler") && run.equals(tag(span, "acp.run.id")));
		spansA.assertChildOf(handler, running);
		SpanData appended = spansA.awaitSpan("the broadcast of the handler's message",
				(span) -> span.getName().equals("acp.broadcast event") && "message".equals(tag(span, "acp.event.type"))
						&& span.getParentSpanId().equals(handler.getSpanId()));
		SpanData published = spansA.awaitSpan("the NOTIFY of that broadcast",
				(span) -> span.getName().equals("acp.cluster.publish")
						&& span.getParentSpanId().equals(appended.getSpanId()));
		assertThat(tag(published, "acp.cluster.transport")).isEqualTo("postgres");

		SpanData received = spansB.awaitSpan("the receipt of that NOTIFY on B",
				(span) -> span.getName().equals("acp.cluster.receive")
						&& span.getParentSpanId().equals(published.getSpanId()));
		assertThat(received.getTraceId()).as(spansB.tree()).isEqualTo(request.getTraceId());
		SpanData broadcastOnB = spansB.awaitSpan("the broadcast of the message on B",
				(span) -> span.getName().equals("acp.broadcast event")
						&& span.getParentSpanId().equals(received.getSpanId()));
		spansB.assertChildOf(broadcastOnB, received);
		assertThat(tag(broadcastOnB, "acp.broadcast.origin")).isEqualTo("remote");
		assertThat(tag(broadcastOnB, "acp.event.type")).isEqualTo("message");
	}

	private static String tag(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.stringKey(key));
	}

}
