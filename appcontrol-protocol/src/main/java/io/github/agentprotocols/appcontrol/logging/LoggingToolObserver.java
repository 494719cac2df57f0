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

import java.io.Flushable;
import java.io.IOException;
import java.util.Map;

import io.github.agentprotocols.appcontrol.AppControlException;
import io.github.agentprotocols.appcontrol.AppControlJson;
import io.github.agentprotocols.appcontrol.ToolEvent;
import io.github.agentprotocols.appcontrol.client.ToolObserver;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.config.LoggingConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.Level;

/**
 * Writes each event as one line, redacting text-bearing values unless
 * {@code logging.redact_text} is false. Lines are either {@code type | commandId | phase
 * [| status] [| summary]} or, with {@code logging.json}, JSON with sorted keys. They go
 * to a stream when one is set, otherwise to the {@code app_control} logger at the
 * configured level.
 */
public class LoggingToolObserver implements ToolObserver {

	/** Name of the default logger. */
	public static final String LOGGER_NAME = "app_control";

	/** Marker added to lines logged at the {@code critical} level. */
	public static final Marker CRITICAL = MarkerFactory.getMarker("CRITICAL");

	private final LoggingConfig config;

	private final Logger logger;

	private final @Nullable Appendable stream;

	/**
	 * An observer writing to {@code stream}, or to {@code logger} when no stream is set.
	 * @param config the logging configuration
	 * @param logger the logger, or null for {@code app_control}
	 * @param stream the stream, or null to log
	 */
	public LoggingToolObserver(LoggingConfig config, @Nullable Logger logger, @Nullable Appendable stream) {
		this.config = config;
		this.logger = (logger != null) ? logger : LoggerFactory.getLogger(LOGGER_NAME);
		this.stream = stream;
	}

	/**
	 * An observer for the given configuration, or the defaults when it is null.
	 * @param config the configuration, or null
	 * @param logger the logger, or null for {@code app_control}
	 * @param stream the stream, or null to log
	 * @return the observer
	 */
	public static LoggingToolObserver fromConfig(@Nullable AppControlConfig config, @Nullable Logger logger,
			@Nullable Appendable stream) {
		return new LoggingToolObserver((config != null) ? config.logging() : LoggingConfig.DEFAULTS, logger, stream);
	}

	/**
	 * An observer writing where {@code logging.event_sink} says: stdout, stderr or the
	 * logger. An explicit stream overrides the sink.
	 * @param config the configuration, or null for the defaults
	 * @param stream the stream, or null to follow the sink
	 * @param logger the logger, or null for {@code app_control}
	 * @return the observer
	 * @throws IllegalArgumentException if the sink is not stdout, stderr or logger
	 */
	public static LoggingToolObserver buildLoggingObserver(@Nullable AppControlConfig config,
			@Nullable Appendable stream, @Nullable Logger logger) {
		LoggingConfig logging = (config != null) ? config.logging() : LoggingConfig.DEFAULTS;
		if (stream != null) {
			return new LoggingToolObserver(logging, logger, stream);
		}
		return switch (logging.eventSink()) {
			case "stdout" -> new LoggingToolObserver(logging, logger, System.out);
			case "stderr" -> new LoggingToolObserver(logging, logger, System.err);
			case "logger" -> new LoggingToolObserver(logging, logger, null);
			default ->
				throw new IllegalArgumentException("logging.event_sink must be one of stdout, stderr, or logger");
		};
	}

	@Override
	public void onEvent(ToolEvent event) {
		String line = line(event);
		if (this.stream != null) {
			write(line);
		}
		else {
			log(line);
		}
	}

	/**
	 * The line written for an event.
	 * @param event the event
	 * @return the line, without a line break
	 */
	public String line(ToolEvent event) {
		Map<String, Object> payload = TextRedaction.sorted(event.toMap(), this.config.redactText());
		return this.config.json() ? AppControlJson.write(payload) : text(payload);
	}

	private static String text(Map<String, Object> payload) {
		StringBuilder line = new StringBuilder();
		line.append(payload.getOrDefault("type", "event"))
			.append(" | ")
			.append(payload.getOrDefault("commandId", "unknown-command"))
			.append(" | ")
			.append(payload.getOrDefault("phase", "unknown-phase"));
		if (payload.get("status") != null) {
			line.append(" | ").append(payload.get("status"));
		}
		if (payload.get("summary") != null) {
			line.append(" | ").append(payload.get("summary"));
		}
		return line.toString();
	}

	private void write(String line) {
		try {
			synchronized (this.stream) {
				this.stream.append(line).append('\n');
				if (this.stream instanceof Flushable flushable) {
					flushable.flush();
				}
			}
		}
		catch (IOException ex) {
			throw new AppControlException("cannot write an app-control event line", ex);
		}
	}

	private void log(String line) {
		switch (this.config.level()) {
			case "debug" -> this.logger.atLevel(Level.DEBUG).log(line);
			case "info" -> this.logger.atLevel(Level.INFO).log(line);
			case "warning" -> this.logger.atLevel(Level.WARN).log(line);
			case "error" -> this.logger.atLevel(Level.ERROR).log(line);
			default -> this.logger.atLevel(Level.ERROR).addMarker(CRITICAL).log(line);
		}
	}

}
