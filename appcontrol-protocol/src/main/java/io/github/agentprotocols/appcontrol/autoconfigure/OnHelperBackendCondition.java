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

package io.github.agentprotocols.appcontrol.autoconfigure;

import java.util.Locale;

import io.github.agentprotocols.appcontrol.PythonWhitespace;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when commands go to the desktop helper:
 * {@code app-control.computer-use.backend} is {@code helper} (trimmed, in any case, as
 * upstream reads it) and no {@code app-control.remote.url} sends them to a remote service
 * host instead.
 */
class OnHelperBackendCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("app-control helper backend");
		Environment environment = context.getEnvironment();
		String backend = environment.getProperty("app-control.computer-use.backend", "");
		if (!"helper".equals(PythonWhitespace.strip(backend).toLowerCase(Locale.ROOT))) {
			return ConditionOutcome.noMatch(message.because("app-control.computer-use.backend is " + backend));
		}
		if (environment.containsProperty("app-control.remote.url")) {
			return ConditionOutcome.noMatch(message.because("app-control.remote.url is set"));
		}
		return ConditionOutcome.match(message.because("app-control.computer-use.backend is helper"));
	}

}
