package io.github.agentprotocols.happy.e2e;

import java.time.Duration;

import io.github.agentprotocols.happy.Agent;
import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.autoconfigure.HappyAutoConfiguration;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.FakeHappyServer;
import io.github.agentprotocols.happy.test.context.FakeHappyServerInitializer;
import io.github.agentprotocols.testsupport.RecordedSpans;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With real tracing, a task is one trace: the task's span is the parent of its spawn
 * (itself the parent of the daemon's RPC), its turn (the parent of the prompt's REST
 * call) and the RPC that stops the session; the REST calls carry the trace to the server.
 */
class SpanTreeEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void taskIsOneTraceFromSpawnThroughTurnToStop() {
		try (RecordedSpans spans = RecordedSpans.start()) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HappyAutoConfiguration.class))
				.withBean(ObservationRegistry.class, spans::observationRegistry)
				.withInitializer(new FakeHappyServerInitializer())
				.run((context) -> {
					FakeHappyDaemon daemon = context.getBean(FakeHappyDaemon.class);
					String sessionId = context.getBean(HappyClient.class)
						.runTask(daemon.machineId(), "/home/user/project", "Hello", Agent.CLAUDE, WAIT);
					SpanData task = spans.awaitSpan("happy.task");
					SpanData spawn = spans.awaitSpan("happy.spawn");
					SpanData spawnRpc = spans.awaitSpan("rpc spawn-happy-session");
					SpanData turn = spans.awaitSpan("happy.turn");
					SpanData prompt = spans.awaitSpan("POST /v3/sessions/{id}/messages");
					SpanData stop = spans.awaitSpan("rpc killSession");
					assertThat(task.getParentSpanContext().isValid()).as(spans.tree()).isFalse();
					assertThat(task.getAttributes().asMap()).as(spans.tree())
						.anySatisfy((key, value) -> assertThat(key.getKey() + "=" + value)
							.isEqualTo("happy.session.id=" + sessionId));
					spans.assertChildOf(spawn, task);
					spans.assertChildOf(spawnRpc, spawn);
					spans.assertChildOf(turn, task);
					spans.assertChildOf(prompt, turn);
					spans.assertChildOf(stop, task);
					assertThat(traceparentOfThePrompt(context.getBean(FakeHappyServer.class)))
						.startsWith("00-" + prompt.getTraceId() + "-" + prompt.getSpanId() + "-");
				});
		}
	}

	private static String traceparentOfThePrompt(FakeHappyServer server) {
		return server.receivedHeaders()
			.stream()
			.filter((received) -> received.request().method().equals("POST")
					&& received.request().path().endsWith("/messages"))
			.map((received) -> received.header("traceparent"))
			.findFirst()
			.orElse(null);
	}

}
