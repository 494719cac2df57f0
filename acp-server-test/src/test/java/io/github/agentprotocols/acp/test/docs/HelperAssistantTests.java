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

package io.github.agentprotocols.acp.test.docs;

import java.util.List;

import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.RunStatus;
import io.github.agentprotocols.acp.test.AssistantTester;
import io.github.agentprotocols.acp.test.RunResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

// tag::assistant-test[]
class HelperAssistantTests {

	private final AssistantHandler helper = (ctx, send) -> Flux.just(send.reasoning("looking it up"),
			send.message(List.of(new ContentPart.Text("It's 72°F."))));

	@Test
	void helperAnswersTheWeather() {
		try (AssistantTester tester = AssistantTester.of("helper", this.helper)) {
			RunResult result = tester.send("helper", "weather?");
			assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(result.types()).containsExactly("run.started", "reasoning", "message", "run.completed");
			assertThat(result.messageTexts()).containsExactly("It's 72°F.");
		}
	}

}
// end::assistant-test[]
