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
