package io.github.agentprotocols.acp.docs;

// tag::customizer[]
import io.github.agentprotocols.acp.autoconfigure.RunExecutorBuilderCustomizer;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
class VirtualRunTimeouts {

	@Bean
	VirtualTimeScheduler runTimer() {
		return VirtualTimeScheduler.create();
	}

	@Bean
	RunExecutorBuilderCustomizer virtualRunTimeouts(VirtualTimeScheduler runTimer) {
		// a run's acp.run-timeout elapses when the test advances runTimer
		return (builder) -> builder.timer(runTimer);
	}

}
// end::customizer[]
