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

package io.github.agentprotocols.lime.redis;

import io.github.agentprotocols.lime.LimeLoginHandler;
import io.github.agentprotocols.lime.redis.ClusterInstances.Outcomes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A site instance run in a JVM of its own, to be killed: its login handler logs each
 * outcome it handles ({@value #HANDLED} then the outcome as {@link Outcomes#call}), so
 * that the test reads from the process's output what it handled before it died.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class KilledSiteApplication {

	static final String HANDLED = "Handled login ";

	private static final Log logger = LogFactory.getLog(KilledSiteApplication.class);

	@Bean
	LimeLoginHandler loggingHandler() {
		return (requestId, passportJwt) -> logger.info(HANDLED + Outcomes.call(requestId, passportJwt));
	}

}
