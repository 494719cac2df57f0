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
