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

package io.github.agentprotocols.appcontrol.logging;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.ToolEventType;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.config.LoggingConfig;
import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Conformance checklist items 35-38.
 */
class LoggingToolObserverTests {

	private static ToolEvent event(Map<String, ?> data) {
		return new ToolEvent("cmd_1", 1, ToolEventType.PROGRESS, "open_app", null, "Typing the message text.", data);
	}

	private static String write(boolean json, boolean redact, ToolEvent event) {
		StringWriter out = new StringWriter();
		new LoggingToolObserver(new LoggingConfig("info", redact, json, "stderr"), null, out).onEvent(event);
		return out.toString();
	}

	@Test
	@SuppressWarnings("unchecked")
	@SpecItem("AC-10.35")
	void jsonLinesAreRedactedAndSorted() {
		ToolEvent event = event(
				Map.of("messageText", "hello", "safe", "visible", "nested", Map.of("textExtract", "secret text")));
		String line = write(true, true, event);
		assertThat(line).endsWith("\n").doesNotContain("hello").doesNotContain("secret text");
		Map<String, Object> payload = AppControlJson.readObject(line.strip());
		Map<String, Object> data = (Map<String, Object>) payload.get("data");
		assertThat(data.get("messageText")).isEqualTo("[redacted]");
		assertThat(data.get("safe")).isEqualTo("visible");
		assertThat(((Map<String, Object>) data.get("nested")).get("textExtract")).isEqualTo("[redacted]");
		assertThat(List.copyOf(payload.keySet())).isSorted();
		assertThat(List.copyOf(data.keySet())).isSorted();
		assertThat(event.data().get("messageText")).isEqualTo("hello");
		assertThat(write(true, false, event)).contains("hello").contains("secret text");
	}

	@Test
	@SuppressWarnings("unchecked")
	@SpecItem("AC-10.36")
	void redactionReachesIntoArraysAndSparesSummary() {
		String line = write(true, true,
				event(Map.of("items", List.of(Map.of("password", "p", "id", 1)), "contextId", "ctx")));
		Map<String, Object> payload = AppControlJson.readObject(line.strip());
		Map<String, Object> data = (Map<String, Object>) payload.get("data");
		Map<String, Object> item = ((List<Map<String, Object>>) data.get("items")).get(0);
		assertThat(item).containsEntry("password", "[redacted]").containsEntry("id", 1);
		assertThat(data).containsEntry("contextId", "[redacted]");
		assertThat(payload).containsEntry("summary", "Typing the message text.");
		assertThat(TextRedaction.isSensitive("API-Token")).isTrue();
		assertThat(TextRedaction.isSensitive("client_credentials")).isTrue();
		assertThat(TextRedaction.isSensitive("summary")).isFalse();
	}

	@Test
	@SpecItem("AC-10.37")
	void textLinesJoinTypeCommandPhaseStatusAndSummary() {
		ToolEvent started = new ToolEvent("cmd_2", 0, ToolEventType.STARTED, "open_app", null, "Started.", null);
		assertThat(write(false, true, started)).isEqualTo("started | cmd_2 | open_app | Started.\n");
		ToolEvent bare = new ToolEvent("cmd_2", 0, ToolEventType.STARTED, null, null, null, null);
		assertThat(write(false, true, bare)).isEqualTo("started | cmd_2 | unknown-phase\n");
	}

	@Test
	@SpecItem("AC-10.38")
	void buildLoggingObserverHonoursTheSinkAndExplicitStreams() {
		AppControlConfig defaults = AppControlConfig.defaults();
		AppControlConfig jsonToStdout = new AppControlConfig(new LoggingConfig("info", true, true, "stdout"),
				defaults.computerUse(), defaults.helper(), defaults.wechat());
		StringWriter buffer = new StringWriter();
		LoggingToolObserver.buildLoggingObserver(jsonToStdout, buffer, null)
			.onEvent(new ToolEvent("cmd_3", 0, ToolEventType.STARTED, null, null, null, null));
		assertThat(buffer.toString()).contains("\"commandId\":\"cmd_3\"");
		AppControlConfig toFile = new AppControlConfig(new LoggingConfig("info", true, false, "file"),
				defaults.computerUse(), defaults.helper(), defaults.wechat());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LoggingToolObserver.buildLoggingObserver(toFile, null, null))
			.withMessage("logging.event_sink must be one of stdout, stderr, or logger");
	}

	@Test
	void criticalIsLoggedAtErrorWithTheCriticalMarker() {
		Logger logger = (Logger) LoggerFactory.getLogger("app_control.critical_test");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			new LoggingToolObserver(new LoggingConfig("critical", true, false, "logger"), logger, null)
				.onEvent(event(Map.of()));
			assertThat(appender.list).singleElement().satisfies((line) -> {
				assertThat(line.getLevel()).isEqualTo(Level.ERROR);
				assertThat(line.getMarkerList()).containsExactly(LoggingToolObserver.CRITICAL);
			});
		}
		finally {
			logger.detachAppender(appender);
		}
	}

}
