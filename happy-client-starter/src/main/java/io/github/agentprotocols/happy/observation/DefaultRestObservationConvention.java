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

package io.github.agentprotocols.happy.observation;

import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.HighCardinalityKeyNames;
import io.github.agentprotocols.happy.observation.HappyObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The default {@link RestObservationConvention}: the observation {@code happy.rest},
 * named {@code <method> <route>} in traces.
 */
public class DefaultRestObservationConvention implements RestObservationConvention {

	/** The observation's name. */
	public static final String NAME = "happy.rest";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(RestObservationContext context) {
		return context.getMethod() + " " + context.getRoute();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RestObservationContext context) {
		HttpStatusCode status = context.getResponse();
		return KeyValues.of(LowCardinalityKeyNames.METHOD.withValue(context.getMethod()),
				LowCardinalityKeyNames.URI.withValue(context.getRoute()),
				LowCardinalityKeyNames.STATUS.withValue((status != null) ? String.valueOf(status.value()) : "NONE"),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome(status)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RestObservationContext context) {
		String id = context.getResourceId();
		return (id != null) ? KeyValues.of(HighCardinalityKeyNames.RESOURCE_ID.withValue(id)) : KeyValues.empty();
	}

	private static String outcome(@Nullable HttpStatusCode status) {
		if (status == null) {
			return "UNKNOWN";
		}
		HttpStatus.Series series = HttpStatus.Series.resolve(status.value());
		if (series == null) {
			return "UNKNOWN";
		}
		return (series == HttpStatus.Series.SUCCESSFUL) ? "SUCCESS" : series.name();
	}

}
