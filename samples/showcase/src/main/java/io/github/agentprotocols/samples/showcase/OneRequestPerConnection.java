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

package io.github.agentprotocols.samples.showcase;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes each browser connection after one response. Reactor Netty 1.3.6 can stop reading
 * a keep-alive connection when the next request arrives while the previous one is still
 * being finished (reactor/reactor-netty issue 4361); the system property
 * {@code reactor.netty.http.server.lastFlushWhenNoRead}, which the starters set, closes
 * only one of its two routes. The demo pages answer many requests from threads other than
 * the connection's own (the fake LIME and Happy servers' answers, server-sent events),
 * and Chromium reuses its connections at once: an {@code EventSource} or a health poll
 * could then wait for an answer that never came. A loopback connection per request costs
 * the showcase nothing worth keeping them for.
 */
@Configuration(proxyBeanMethods = false)
class OneRequestPerConnection {

	@Bean
	NettyServerCustomizer closeAfterOneResponse() {
		return (server) -> server.maxKeepAliveRequests(1);
	}

}
