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

import java.util.List;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpAuthenticator;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import reactor.core.publisher.Flux;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An instance whose runs are still going when it is killed: users named by {@code x-user}
 * on REST and {@code auth.user} on Socket.IO, and an assistant {@code slow} that says it
 * is thinking and then never finishes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class KilledRunApplication {

	@Bean
	AcpAuthenticator acpTestAuthenticator() {
		return ClusterTestApplication.usersByName();
	}

	@Bean
	@AcpAssistant("slow")
	AssistantHandler slow() {
		return (context, send) -> Flux.concat(Flux.just(send.message(List.of(new ContentPart.Text("thinking")))),
				Flux.never());
	}

}
