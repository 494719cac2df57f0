package io.github.agentprotocols.happy.docs;

// tag::component[]
import io.github.agentprotocols.happy.HappyClient;

import org.springframework.stereotype.Component;

@Component
class NightlyBuild {

	private final HappyClient happy;

	NightlyBuild(HappyClient happy) {
		this.happy = happy;
	}

	String run(String machineId) {
		return this.happy.runTask(machineId, "/home/me/project", "Run the tests and fix what fails");
	}

}
// end::component[]
