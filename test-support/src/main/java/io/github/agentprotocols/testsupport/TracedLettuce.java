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

package io.github.agentprotocols.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.tracing.MicrometerTracing;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Hooks;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;

/**
 * Lettuce traced by Micrometer as Spring Boot's tracing does it (each command a span of
 * {@link RecordedSpans} and a timer), with the errors Reactor drops recorded until
 * closed: a test that cancels Redis commands asserts that none was dropped.
 */
public final class TracedLettuce implements AutoCloseable {

	private final RecordedSpans spans = RecordedSpans.start();

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	private final ClientResources resources;

	/**
	 * Starts recording the dropped errors, and creates the traced client resources.
	 */
	public TracedLettuce() {
		Hooks.onErrorDropped(this.dropped::add);
		this.spans.observationRegistry()
			.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		this.resources = ClientResources.builder()
			.tracing(new MicrometerTracing(this.spans.observationRegistry(), "redis"))
			.build();
	}

	/**
	 * A client configuration with the traced resources.
	 * @return the configuration
	 */
	public LettuceClientConfiguration clientConfiguration() {
		return LettuceClientConfiguration.builder().clientResources(this.resources).build();
	}

	/**
	 * The errors Reactor dropped so far.
	 * @return a copy of them
	 */
	public List<Throwable> dropped() {
		return List.copyOf(this.dropped);
	}

	@Override
	public void close() {
		Hooks.resetOnErrorDropped();
		this.resources.shutdown();
		this.spans.close();
	}

}
