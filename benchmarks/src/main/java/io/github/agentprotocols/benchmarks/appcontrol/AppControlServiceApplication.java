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

package io.github.agentprotocols.benchmarks.appcontrol;

import java.util.stream.Stream;

import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;
import io.github.agentprotocols.benchmarks.baseline.BaselineRoutes;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The app-control service host, running commands on a client that answers at once, beside
 * the raw baseline endpoints and the {@linkplain MinimalRunRoute minimal run handler} in
 * the same server.
 */
@SpringBootApplication
@Import(BaselineRoutes.class)
public class AppControlServiceApplication {

	static final String TOKEN = "benchmark-service-token";

	/**
	 * Start the application in this JVM on a free port.
	 * @param properties extra {@code key=value} properties
	 * @return the running application
	 */
	static Running start(String... properties) {
		String[] all = Stream
			.concat(Stream.of("app-control.service.enabled=true", "app-control.service.token=" + TOKEN,
					"hpp.enabled=false", "lime.enabled=false", "acp.enabled=false"), Stream.of(properties))
			.toArray(String[]::new);
		return Running.start(AppControlServiceApplication.class, all);
	}

	@Bean
	AppControlClient immediateClient() {
		return (command, observer) -> ToolObservation.ok(command.commandId(), command.tool(), command.operation(),
				"done", null);
	}

}
