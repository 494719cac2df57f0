package io.github.agentprotocols.acp.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Identity;
import io.github.agentprotocols.acp.web.AcpHttp.Reply;
import io.github.agentprotocols.commons.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invocations over HTTP on the real executor, in memory: the run answered by
 * {@code POST invocations} goes on to completion with the assistant's events in the log,
 * and a second invocation while it is active coalesces onto it without starting it again.
 */
@SpringBootTest(classes = AcpRestRunTests.RunApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class AcpRestRunTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Sinks.Empty<Void> slowRelease = Sinks.empty();

	@LocalServerPort
	int port;

	@Test
	@SpecItem("ACP-10.20")
	void invokedAssistantRunsToCompletionWithItsEventsInTheLog() {
		AcpHttp http = new AcpHttp(this.port);
		String thread = threadWith(http, "helper");
		Reply invoked = http.post("alice", "/threads/" + thread + "/invocations", "{\"assistant_ids\":[\"helper\"]}");
		assertThat(invoked.status()).as(invoked.toString()).isEqualTo(201);
		String run = invoked.json().get("runs").get(0).get("id").stringValue();
		awaitStatus(http, run, "completed");
		assertThat(eventTypes(http, thread)).containsExactly("thread.created", "thread.member_added", "run.started",
				"message", "run.completed");
	}

	@Test
	@SpecItem("ACP-10.23")
	void invokingAnActiveAssistantAgainCoalescesWithOneRunStarted() {
		AcpHttp http = new AcpHttp(this.port);
		String thread = threadWith(http, "slow");
		Reply first = http.post("alice", "/threads/" + thread + "/invocations", "{\"assistant_ids\":[\"slow\"]}");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		String run = first.json().get("runs").get(0).get("id").stringValue();
		awaitStatus(http, run, "running");
		Reply again = http.post("alice", "/threads/" + thread + "/invocations", "{\"assistant_ids\":[\"slow\"]}");
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().get("runs").get(0).get("id").stringValue()).isEqualTo(run);
		slowRelease.tryEmitEmpty();
		awaitStatus(http, run, "completed");
		assertThat(eventTypes(http, thread)).filteredOn("run.started"::equals).hasSize(1);
	}

	private static String threadWith(AcpHttp http, String assistant) {
		String thread = http.createThread("alice", "{}");
		http.post("alice", "/threads/" + thread + "/members",
				"{\"identity\":{\"role\":\"assistant\",\"id\":\"" + assistant + "\",\"name\":\"" + assistant + "\"}}")
			.ok();
		return thread;
	}

	private static void awaitStatus(AcpHttp http, String run, String status) {
		await().atMost(WAIT)
			.until(() -> http.get("alice", "/runs/" + run).ok().get("status").stringValue().equals(status));
	}

	private static List<String> eventTypes(AcpHttp http, String thread) {
		List<String> types = new ArrayList<>();
		http.get("alice", "/threads/" + thread + "/events?limit=500")
			.ok()
			.get("items")
			.values()
			.forEach((event) -> types.add(event.get("type").stringValue()));
		return types;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RunApplication {

		@Bean
		AcpAuthenticator acpTestAuthenticator() {
			return (handshake) -> Mono.just(Identity.user("alice", "alice"));
		}

		@Bean
		@AcpAssistant("helper")
		AssistantHandler helper() {
			return (context, send) -> Flux.just(send.message(List.of(new ContentPart.Text("hello"))));
		}

		@Bean
		@AcpAssistant("slow")
		AssistantHandler slow() {
			return (context, send) -> slowRelease.asMono()
				.thenMany(Flux.defer(() -> Flux.just(send.message(List.of(new ContentPart.Text("done"))))));
		}

	}

}
