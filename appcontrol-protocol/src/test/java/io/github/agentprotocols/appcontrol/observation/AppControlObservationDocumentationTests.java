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

package io.github.agentprotocols.appcontrol.observation;

import java.util.Arrays;
import java.util.Map;

import io.github.agentprotocols.appcontrol.ServiceAction;
import io.github.agentprotocols.appcontrol.ServiceRequest;
import io.github.agentprotocols.appcontrol.ServiceResponse;
import io.github.agentprotocols.appcontrol.ToolCommand;
import io.github.agentprotocols.appcontrol.ToolObservation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AppControlObservationDocumentation} says what the default conventions do: each
 * observation's name, and exactly the keys its convention writes for a complete context.
 */
class AppControlObservationDocumentationTests {

	private static final ToolCommand COMMAND = new ToolCommand("cmd_1", "macos.computer_use", "open_app");

	private static final ToolObservation RESULT = ToolObservation.ok("cmd_1", "macos.computer_use", "open_app",
			"Opened.", Map.of());

	@ParameterizedTest
	@EnumSource(AppControlObservationDocumentation.class)
	void defaultConventionGivesTheDocumentedNameAndKeys(AppControlObservationDocumentation documentation)
			throws ReflectiveOperationException {
		@SuppressWarnings("unchecked")
		ObservationConvention<Observation.Context> convention = (ObservationConvention<Observation.Context>) documentation
			.getDefaultConvention()
			.getDeclaredConstructor()
			.newInstance();
		Observation.Context context = completeContext(documentation);
		assertThat(convention.supportsContext(context)).isTrue();
		assertThat(convention.getName()).isEqualTo(documentation.getName());
		assertThat(keys(convention.getLowCardinalityKeyValues(context)))
			.containsExactlyInAnyOrder(names(documentation.getLowCardinalityKeyNames()));
		assertThat(keys(convention.getHighCardinalityKeyValues(context)))
			.containsExactlyInAnyOrder(names(documentation.getHighCardinalityKeyNames()));
	}

	private static Observation.Context completeContext(AppControlObservationDocumentation documentation) {
		return switch (documentation) {
			case SERVICE_REQUEST -> {
				ServiceRequestObservationContext context = new ServiceRequestObservationContext("http");
				context.setRequest(ServiceRequest.submit(COMMAND, "req_1", "t"));
				context.setResponse(ServiceResponse.complete(RESULT, "req_1"));
				yield context;
			}
			case SERVICE_COMMAND -> {
				ServiceCommandObservationContext context = new ServiceCommandObservationContext(ServiceAction.SUBMIT,
						COMMAND, "req_1");
				context.setResult(RESULT);
				yield context;
			}
			case CLIENT_REQUEST ->
				new ClientRequestObservationContext("http", ServiceRequest.submit(COMMAND, "req_1", "t"));
			case HELPER_REQUEST -> new HelperRequestObservationContext(COMMAND);
		};
	}

	private static String[] keys(KeyValues values) {
		return values.stream().map(KeyValue::getKey).toArray(String[]::new);
	}

	private static String[] names(KeyName[] names) {
		return Arrays.stream(names).map(KeyName::asString).toArray(String[]::new);
	}

}
