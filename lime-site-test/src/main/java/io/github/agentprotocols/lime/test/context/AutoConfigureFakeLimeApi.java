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

package io.github.agentprotocols.lime.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.agentprotocols.lime.test.FakeLimeApi;
import io.github.agentprotocols.lime.test.JwksMode;
import io.github.agentprotocols.lime.test.LimeAgent;

/**
 * Annotation for a Spring test whose application talks to a {@link FakeLimeApi} instead
 * of LIME: the test context starts a fake (through {@link FakeLimeApiInitializer}),
 * points {@code lime.site.api-base} and {@code lime.site.token} at it, and offers the
 * fake and a {@link LimeAgent} for it as beans to inject. The fake closes with the
 * context; its faults and recorded requests are reset before each test method, while
 * login requests, events and keys stay. Test classes with the same settings share a
 * cached context, and so a fake. <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureFakeLimeApi
 * class AgentLoginTests {
 *
 * 	&#064;Autowired LimeSite site;
 *
 * 	&#064;Autowired LimeAgent agent;
 *
 * 	&#064;Test
 * 	void agentLogsIn() {
 * 		LoginRequest request = this.site.createLoginRequest().block();
 * 		this.agent.approve(request.requestId());
 * 		// … the application's LimeLoginHandler receives the passport
 * 	}
 *
 * }
 * </pre> Durations are written as in Spring properties: {@code 500ms}, {@code 2s},
 * {@code 1m} or ISO-8601 ({@code PT2S}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeLimeApi {

	/**
	 * How long a login or binding request stays pending.
	 * @return the lifetime
	 * @see FakeLimeApi.Builder#requestTtl
	 */
	String requestTtl() default "120s";

	/**
	 * The {@code pow_difficulty} of new login requests, in leading zero bits.
	 * @return the difficulty
	 * @see FakeLimeApi.Builder#powDifficulty
	 */
	int powDifficulty() default 8;

	/**
	 * How often each open event stream gets a {@code keepalive} frame.
	 * @return the interval
	 * @see FakeLimeApi.Builder#keepAliveInterval
	 */
	String keepAliveInterval() default "15s";

	/**
	 * Whether event frames carry {@code id:} lines.
	 * @return whether events are numbered
	 * @see FakeLimeApi.Builder#sseIds
	 */
	boolean sseIds() default false;

	/**
	 * Whether a stream opened with {@code Last-Event-ID} first receives the events
	 * published after that id.
	 * @return whether events are replayed
	 * @see FakeLimeApi.Builder#replay
	 */
	boolean replay() default false;

	/**
	 * The JWKS body shape.
	 * @return the shape
	 * @see FakeLimeApi.Builder#jwksMode
	 */
	JwksMode jwksMode() default JwksMode.ENVELOPE;

}
