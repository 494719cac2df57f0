package io.github.agentprotocols.lime.docs;

import io.github.agentprotocols.lime.LoginRequest;
import io.github.agentprotocols.lime.site.LimeSite;
import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.LimeAgent;
import io.github.agentprotocols.lime.test.context.AutoConfigureFakeLimeApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// tag::spring-test[]
@SpringBootTest
@AutoConfigureFakeLimeApi
class AgentLoginTests {

	@Autowired
	LimeSite site;

	@Autowired
	LimeAgent agent; // agent.approve(requestId): challenge, proof-of-work, approve

	@Autowired
	FakeLimeApi lime;

	@Autowired
	SiteSessions sessions;

	@Test
	void agentLogsIn() {
		// wait for the site to read its event stream
		await().until(() -> this.lime.openStreams() > 0);
		LoginRequest request = this.site.createLoginRequest().block();
		this.agent.approve(request.requestId());
		// the application's handlers and @EventListeners receive the passport
		await().until(() -> this.sessions.agentOf(request.requestId()) != null);
		assertThat(this.sessions.agentOf(request.requestId())).isEqualTo(this.lime.agentId());
	}

}
// end::spring-test[]
