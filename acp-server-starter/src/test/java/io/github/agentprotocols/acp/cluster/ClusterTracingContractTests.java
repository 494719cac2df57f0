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

package io.github.agentprotocols.acp.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.agentprotocols.acp.r2dbc.AcpTestDatabase;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The span tree of a run across two instances on one PostgreSQL database, each tracing
 * into a recorder of its own: the invocation on instance A, its run, the run's handler,
 * the broadcast of the message it appended and the relay's message on A; on B the receipt
 * of that message, continuing A's trace from the message alone, and the broadcast to B's
 * rooms below it. Run by each cluster transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterTracingContractTests {

	private final AcpTestDatabase database = AcpTestDatabase.create(getClass());

	private final RecordedSpans spansA = RecordedSpans.start();

	private final RecordedSpans spansB = RecordedSpans.start();

	private ClusterInstance a;

	private ClusterInstance b;

	/**
	 * The properties that choose the transport.
	 * @return the properties, such as {@code acp.cluster.transport=redis}
	 */
	abstract List<String> transportProperties();

	/**
	 * The transport, as {@code acp.cluster.transport} spells it.
	 * @return for example {@code postgres}
	 */
	abstract String transport();

	@BeforeAll
	void startInstances() {
		this.a = start("acp-tracing-a-" + UUID.randomUUID(), this.spansA);
		this.b = start("acp-tracing-b-" + UUID.randomUUID(), this.spansB);
	}

	@AfterAll
	void stopInstances() {
		try {
			this.a.close();
			this.b.close();
		}
		finally {
			this.spansA.close();
			this.spansB.close();
			this.database.close();
		}
	}

	private ClusterInstance start(String applicationName, RecordedSpans spans) {
		List<String> properties = new ArrayList<>(transportProperties());
		properties.add("spring.r2dbc.url=" + this.database.r2dbcUrl() + "&applicationName=" + applicationName);
		return ClusterInstance.start(new SpringApplicationBuilder(ClusterTestApplication.class)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("observationRegistry",
					ObservationRegistry.class, spans::observationRegistry)),
				properties.toArray(String[]::new));
	}

	@Test
	void runInvokedOnATracesThroughTheClusterMessageToTheBroadcastOnB() {
		String thread = this.a.createThread("alice");
		String run = this.a.invoke("alice", thread, "echo");
		SpanData invocation = this.spansA.awaitSpan("the invocation of run " + run,
				(span) -> span.getName().equals("acp runs.create") && run.equals(tag(span, "acp.run.id")));
		SpanData request = this.spansA.awaitSpan("the HTTP request of the invocation",
				(span) -> span.getSpanId().equals(invocation.getParentSpanId()));
		assertThat(tag(request, "method")).isEqualTo("POST");
		SpanData running = this.spansA.awaitSpan("run " + run,
				(span) -> span.getName().equals("acp.run") && run.equals(tag(span, "acp.run.id")));
		this.spansA.assertChildOf(running, invocation);
		assertThat(tag(running, "acp.run.status")).isEqualTo("completed");
		SpanData handler = this.spansA.awaitSpan("the handler of run " + run,
				(span) -> span.getName().equals("acp.run.handler") && run.equals(tag(span, "acp.run.id")));
		this.spansA.assertChildOf(handler, running);
		SpanData appended = this.spansA.awaitSpan("the broadcast of the handler's message",
				(span) -> span.getName().equals("acp.broadcast event") && "message".equals(tag(span, "acp.event.type"))
						&& span.getParentSpanId().equals(handler.getSpanId()));
		SpanData published = this.spansA.awaitSpan("the cluster message of that broadcast",
				(span) -> span.getName().equals("acp.cluster.publish")
						&& span.getParentSpanId().equals(appended.getSpanId()));
		assertThat(tag(published, "acp.cluster.transport")).isEqualTo(transport());

		SpanData received = this.spansB.awaitSpan("the receipt of that message on B",
				(span) -> span.getName().equals("acp.cluster.receive")
						&& span.getParentSpanId().equals(published.getSpanId()));
		assertThat(received.getTraceId()).as(this.spansB.tree()).isEqualTo(request.getTraceId());
		SpanData broadcastOnB = this.spansB.awaitSpan("the broadcast of the message on B",
				(span) -> span.getName().equals("acp.broadcast event")
						&& span.getParentSpanId().equals(received.getSpanId()));
		this.spansB.assertChildOf(broadcastOnB, received);
		assertThat(tag(broadcastOnB, "acp.broadcast.origin")).isEqualTo("remote");
		assertThat(tag(broadcastOnB, "acp.event.type")).isEqualTo("message");
	}

	private static String tag(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.stringKey(key));
	}

}
