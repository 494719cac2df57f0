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

package io.github.agentprotocols.acp.socketio;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Records what is logged at ERROR, for tests asserting that nothing is: attached to the
 * root logger once the application has configured logging (Spring Boot resets Logback's
 * appenders as it starts).
 */
final class ErrorLog extends AppenderBase<ILoggingEvent> {

	private final Queue<String> errors = new ConcurrentLinkedQueue<>();

	private ErrorLog() {
	}

	/**
	 * Starts recording.
	 * @return the log of the errors from now on
	 */
	static ErrorLog attach() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		ErrorLog log = new ErrorLog();
		log.setContext(context);
		log.setName("fuzz-errors");
		log.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
		return log;
	}

	/**
	 * The errors logged since the last call.
	 * @return each error's logger, message and exception
	 */
	List<String> drain() {
		List<String> drained = new ArrayList<>();
		for (String error = this.errors.poll(); error != null; error = this.errors.poll()) {
			drained.add(error);
		}
		return drained;
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
			IThrowableProxy thrown = event.getThrowableProxy();
			this.errors.add(event.getLoggerName() + ": " + event.getFormattedMessage()
					+ ((thrown != null) ? " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")" : ""));
		}
	}

}
