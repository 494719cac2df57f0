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

package io.github.agentprotocols.appcontrol.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code [logging]} section: how {@code LoggingToolObserver} writes events.
 *
 * @param level one of debug, info, warning, error, critical (stored lower-case)
 * @param redactText whether text-bearing values are replaced by {@code [redacted]}
 * @param json whether events are written as JSON lines
 * @param eventSink where events go: stdout, stderr or logger
 */
public record LoggingConfig(String level, boolean redactText, boolean json, String eventSink) {

	private static final Set<String> LEVELS = Set.of("debug", "info", "warning", "error", "critical");

	/** The defaults: info, redacted, text lines, stderr. */
	public static final LoggingConfig DEFAULTS = new LoggingConfig("info", true, false, "stderr");

	/**
	 * Create a new {@code LoggingConfig}, validating its values.
	 * @param level one of debug, info, warning, error, critical (stored lower-case)
	 * @param redactText whether text-bearing values are replaced by {@code [redacted]}
	 * @param json whether events are written as JSON lines
	 * @param eventSink where events go: stdout, stderr or logger
	 */
	public LoggingConfig {
		String normalized = ConfigValues.text(level, "logging.level").toLowerCase(Locale.ROOT);
		if (!LEVELS.contains(normalized)) {
			throw new AppControlConfigException("logging.level", "unsupported logging level: " + level);
		}
		level = normalized;
		eventSink = ConfigValues.text(eventSink, "logging.event_sink");
	}

	static LoggingConfig fromMap(Map<String, ?> section) {
		String level = ConfigValues.tomlString(section.get("level"), "logging.level");
		Boolean redactText = ConfigValues.tomlBoolean(section.get("redact_text"), "logging.redact_text");
		Boolean json = ConfigValues.tomlBoolean(section.get("json"), "logging.json");
		String eventSink = ConfigValues.tomlString(section.get("event_sink"), "logging.event_sink");
		return new LoggingConfig((level != null) ? level : DEFAULTS.level,
				(redactText != null) ? redactText : DEFAULTS.redactText, (json != null) ? json : DEFAULTS.json,
				(eventSink != null) ? eventSink : DEFAULTS.eventSink);
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("level", this.level);
		map.put("redact_text", this.redactText);
		map.put("json", this.json);
		map.put("event_sink", this.eventSink);
		return map;
	}

}
