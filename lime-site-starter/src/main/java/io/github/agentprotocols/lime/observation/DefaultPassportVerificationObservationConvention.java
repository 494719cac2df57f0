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

import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.PassportHighCardinalityKeyNames;
import io.github.agentprotocols.lime.observation.LimeObservationDocumentation.PassportLowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link PassportVerificationObservationConvention}:
 * {@code lime.passport.verification}, with the kind of passport and the
 * {@link PassportOutcome} low-cardinality, the expected request or binding id
 * high-cardinality.
 */
public class DefaultPassportVerificationObservationConvention implements PassportVerificationObservationConvention {

	@Override
	public String getName() {
		return LimeObservationDocumentation.PASSPORT_VERIFICATION.getName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PassportVerificationObservationContext context) {
		return KeyValues.of(
				PassportLowCardinalityKeyNames.KIND
					.withValue(DefaultLimeEventObservationConvention.lowerCase(context.getKind())),
				PassportLowCardinalityKeyNames.OUTCOME
					.withValue(DefaultLimeEventObservationConvention.lowerCase(context.getOutcome())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PassportVerificationObservationContext context) {
		String expectedId = context.getExpectedId();
		return KeyValues
			.of(PassportHighCardinalityKeyNames.EXPECTED_ID.withValue((expectedId != null) ? expectedId : "none"));
	}

}
