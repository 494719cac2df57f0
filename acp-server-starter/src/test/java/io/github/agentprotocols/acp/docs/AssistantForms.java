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

import java.util.List;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AcpThread;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import reactor.core.publisher.Flux;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The three forms of an assistant that docs/how-to/write-an-acp-assistant.md shows.
 */
class AssistantForms {

	// tag::forms[]
	// 1. a bean (a class, or a @Bean method) implementing AssistantHandler
	@Bean
	@AcpAssistant("helper")
	AssistantHandler helper() {
		return (ctx, send) -> Flux.just(send.reasoning("thinking"),
				send.message(List.of(new ContentPart.Text("done"))));
	}

	// 2. a bean's method returning Publisher<Event>, taking ctx, send, both or neither
	@Component
	class Assistants {

		@AcpAssistant("summarizer")
		Flux<Event> summarize(HandlerContext ctx, HandlerSend send) {
			return ctx.events(20).flatMapMany((recent) -> Flux.just(send.message(summaryOf(recent))));
		}

	}

	// 3. the callback form: each emit completes once persisted
	@Bean
	@AcpAssistant("writer")
	AssistantHandler writer(Llm llm) {
		return AssistantHandler.sink((ctx, send, sink) -> llm.stream(ctx.thread())
			.concatMap((chunk) -> sink.emit(send.message(List.of(new ContentPart.Text(chunk)))))
			.then());
	}
	// end::forms[]

	static List<ContentPart> summaryOf(List<Event> recent) {
		return List.of(new ContentPart.Text(recent.size() + " events"));
	}

	/**
	 * A language model client of the application's.
	 */
	interface Llm {

		Flux<String> stream(AcpThread thread);

	}

}
