package io.github.agentprotocols.acp.run;

import io.github.agentprotocols.acp.observation.AcpObservationDocumentation;
import io.github.agentprotocols.acp.observation.DefaultRunHandlerObservationConvention;
import io.github.agentprotocols.acp.observation.DefaultRunObservationConvention;
import io.github.agentprotocols.acp.observation.RunHandlerObservationContext;
import io.github.agentprotocols.acp.observation.RunHandlerObservationConvention;
import io.github.agentprotocols.acp.observation.RunObservationContext;
import io.github.agentprotocols.acp.observation.RunObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Creates the observations of runs and their handlers.
 *
 * @param registry the registry
 * @param runConvention the convention of runs, or {@code null} for the default one
 * @param handlerConvention the convention of handlers, or {@code null} for the default
 * one
 */
record RunObservations(ObservationRegistry registry, @Nullable RunObservationConvention runConvention,
		@Nullable RunHandlerObservationConvention handlerConvention) {

	/**
	 * The observation of a run, not started.
	 * @param context the run's context
	 * @param parent the observation current where the run was invoked, or {@code null}
	 * @return the observation
	 */
	Observation run(RunObservationContext context, @Nullable Observation parent) {
		return AcpObservationDocumentation.RUN
			.observation(this.runConvention, DefaultRunObservationConvention.INSTANCE, () -> context, this.registry)
			.parentObservation(parent);
	}

	/**
	 * The observation of a run's handler, not started.
	 * @param context the handler's context
	 * @param run the run's observation, its parent
	 * @return the observation
	 */
	Observation handler(RunHandlerObservationContext context, Observation run) {
		return AcpObservationDocumentation.RUN_HANDLER
			.observation(this.handlerConvention, DefaultRunHandlerObservationConvention.INSTANCE, () -> context,
					this.registry)
			.parentObservation(run);
	}

}
