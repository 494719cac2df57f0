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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a test class with Netty's leak detector at {@code paranoid}, every buffer tracked,
 * and fails the class when the detector reports a leak. Netty reports a leaked buffer
 * once it was collected, when a buffer is next allocated, so after the class it collects
 * the garbage and allocates a few times. A report proves a leak; its absence only that
 * none was collected.
 */
class NettyLeakDetection implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private static final int ROUNDS = 5;

	private final Reports reports = new Reports();

	private ResourceLeakDetector.Level previous = ResourceLeakDetector.Level.SIMPLE;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.previous = ResourceLeakDetector.getLevel();
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		this.reports.start();
	}

	/**
	 * Listens to the detector from the first test on: Spring Boot resets the logging
	 * system, and drops the listener, when it starts the application.
	 */
	@Override
	public void beforeEach(ExtensionContext context) {
		Logger detector = detector();
		if (!detector.isAttached(this.reports)) {
			detector.addAppender(this.reports);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			for (int i = 0; i < ROUNDS; i++) {
				System.gc();
				ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(1);
				probe.release();
			}
			assertThat(this.reports.leaks).as("Netty leak reports").isEmpty();
		}
		finally {
			detector().detachAppender(this.reports);
			ResourceLeakDetector.setLevel(this.previous);
		}
	}

	private static Logger detector() {
		Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
		if (!logger.isErrorEnabled()) {
			logger.setLevel(Level.ERROR);
		}
		return logger;
	}

	/**
	 * Keeps the detector's leak reports.
	 */
	private static final class Reports extends AppenderBase<ILoggingEvent> {

		final List<String> leaks = new CopyOnWriteArrayList<>();

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getFormattedMessage().contains("LEAK:")) {
				this.leaks.add(event.getFormattedMessage());
			}
		}

	}

}
