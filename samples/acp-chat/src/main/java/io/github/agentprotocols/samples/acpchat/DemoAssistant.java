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

package io.github.agentprotocols.samples.acpchat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.agentprotocols.acp.AcpAssistant;
import io.github.agentprotocols.acp.AssistantHandler;
import io.github.agentprotocols.acp.ContentPart;
import io.github.agentprotocols.acp.Event;
import io.github.agentprotocols.acp.EventPayload;
import io.github.agentprotocols.acp.HandlerContext;
import io.github.agentprotocols.acp.HandlerSend;
import io.github.agentprotocols.acp.IdentityRole;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo assistant {@value #ID}: for the thread's last user message it yields a
 * reasoning, a call of the {@value #TOOL} tool and its result (the current time, read for
 * real), then its answer as several {@code message} events, a few words each, paced so
 * that a page visibly streams them.
 */
@Component
@AcpAssistant(DemoAssistant.ID)
public class DemoAssistant implements AssistantHandler {

	/** The assistant's id, the identity id it has as a thread member. */
	public static final String ID = "demo";

	/** The name of the demo tool. */
	static final String TOOL = "clock";

	/** How many recent events the assistant reads to find the question. */
	private static final int RECENT_EVENTS = 50;

	private static final int WORDS_PER_MESSAGE = 3;

	private static final int MAX_QUOTE_LENGTH = 120;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

	private final Clock clock;

	private final Duration pacing;

	/**
	 * Creates the assistant.
	 * @param clock the clock its tool reads
	 * @param pacing the pause before each event it yields
	 */
	public DemoAssistant(Clock clock, @Value("${acp-chat.pacing:150ms}") Duration pacing) {
		this.clock = clock;
		this.pacing = pacing;
	}

	@Override
	public Publisher<Event> handle(HandlerContext context, HandlerSend send) {
		return context.events(RECENT_EVENTS)
			.map(DemoAssistant::lastUserText)
			.flatMapMany((question) -> Flux.concat(Mono.fromSupplier(() -> send.reasoning(reasoning(question))),
					Flux.defer(() -> toolAndAnswer(send, question))))
			.delayElements(this.pacing);
	}

	private Flux<Event> toolAndAnswer(HandlerSend send, String question) {
		Event call = send.toolCall(TOOL, Map.of("zone", "UTC"));
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZoneOffset.UTC));
		Map<String, Object> time = Map.of("time", TIME.format(now), "date", DATE.format(now), "zone", "UTC");
		Event result = send.toolResult(((EventPayload.ToolCall) call.payload()).id(), time);
		List<Event> answer = chunks(answer(question, time)).stream()
			.map((chunk) -> send.message(List.of(new ContentPart.Text(chunk))))
			.toList();
		return Flux.concat(Flux.just(call, result), Flux.fromIterable(answer));
	}

	private static String reasoning(String question) {
		return "Thinking… the user wrote " + quote(question)
				+ ". I am a demo: I will read the clock and answer with the time.";
	}

	private static String answer(String question, Map<String, Object> time) {
		return "You wrote " + quote(question) + ". It is " + time.get("time") + " UTC on " + time.get("date")
				+ ", says the clock tool; this answer arrives a few words at a time.";
	}

	private static String quote(String text) {
		String shown = (text.length() > MAX_QUOTE_LENGTH) ? text.substring(0, MAX_QUOTE_LENGTH) + "…" : text;
		return "“" + shown + "”";
	}

	/**
	 * The text split into parts of a few words, each but the last with its trailing
	 * space, so that their concatenation is the text.
	 */
	static List<String> chunks(String text) {
		String[] words = text.split(" ");
		List<String> chunks = new ArrayList<>();
		for (int i = 0; i < words.length; i += WORDS_PER_MESSAGE) {
			String chunk = String.join(" ", List.of(words).subList(i, Math.min(i + WORDS_PER_MESSAGE, words.length)));
			chunks.add((i + WORDS_PER_MESSAGE < words.length) ? chunk + " " : chunk);
		}
		return chunks;
	}

	private static String lastUserText(List<Event> events) {
		for (int i = events.size() - 1; i >= 0; i--) {
			Event event = events.get(i);
			if (event.author().role() == IdentityRole.USER && event.payload() instanceof EventPayload.Message message) {
				return message.content()
					.stream()
					.filter(ContentPart.Text.class::isInstance)
					.map((part) -> ((ContentPart.Text) part).text())
					.collect(Collectors.joining(" "))
					.strip();
			}
		}
		return "";
	}

}
