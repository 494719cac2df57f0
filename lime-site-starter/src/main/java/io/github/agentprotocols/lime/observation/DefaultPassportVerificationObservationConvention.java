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
