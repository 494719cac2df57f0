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

package io.github.agentprotocols.lime.observation;

import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.ApiHighCardinalityKeyNames;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.ApiLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

import org.springframework.http.HttpStatusCode;

/**
 * The default {@link LimeApiObservationConvention}: the name of each
 * {@link LimeApiOperation} as documented, {@code status} (the last HTTP status, or
 * {@code none}) and {@code outcome} ({@code success} or {@code error}) low-cardinality,
 * the URL and the number of attempts high-cardinality.
 */
public class DefaultLimeApiObservationConvention implements LimeApiObservationConvention {

	@Override
	public KeyValues getLowCardinalityKeyValues(LimeApiObservationContext context) {
		HttpStatusCode status = context.getResponse();
		return KeyValues.of(
				ApiLowCardinalityKeyNames.STATUS
					.withValue((status != null) ? Integer.toString(status.value()) : "none"),
				ApiLowCardinalityKeyNames.OUTCOME.withValue((context.getError() != null) ? "error" : "success"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LimeApiObservationContext context) {
		return KeyValues.of(ApiHighCardinalityKeyNames.URI.withValue(context.getUri().toString()),
				ApiHighCardinalityKeyNames.ATTEMPTS.withValue(Integer.toString(context.getAttempts())));
	}

}
