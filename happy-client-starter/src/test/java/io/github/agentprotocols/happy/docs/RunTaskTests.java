package io.github.agentprotocols.happy.docs;

import io.github.agentprotocols.happy.HappyClient;
import io.github.agentprotocols.happy.Message;
import io.github.agentprotocols.happy.test.AgentBehaviour;
import io.github.agentprotocols.happy.test.FakeHappyDaemon;
import io.github.agentprotocols.happy.test.context.AutoConfigureFakeHappyServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// tag::spring[]
@SpringBootTest
@AutoConfigureFakeHappyServer(agentBehaviour = AgentBehaviour.LEGACY_READY)
class RunTaskTests {

	@Autowired
	HappyClient happy;

	@Autowired
	FakeHappyDaemon daemon;

	@Test
	void taskRuns() {
		String sessionId = this.happy.runTask(this.daemon.machineId(), "/work", "Hello");
		assertThat(this.happy.getMessages(sessionId)).extracting(Message::role).contains("user", "agent");
	}

}
// end::spring[]
