package io.github.agentprotocols.testsupport;

/**
 * The services that some tests need beyond the JVM, and the rule that keeps them out of
 * the unit-test phase: the build's Surefire configuration sets
 * {@value #UNIT_PHASE_PROPERTY} and excludes the tags, and the fixtures refuse to start
 * there, so a test that needs a service but lacks its annotation fails instead of making
 * {@code ./mvnw test} depend on it.
 */
public final class ExternalServices {

	/** JUnit tag of {@link UsesPostgres}. */
	public static final String POSTGRES_TAG = "postgres";

	/** JUnit tag of {@link UsesRedis}. */
	public static final String REDIS_TAG = "redis";

	/** System property that the build sets to {@code true} in the unit-test phase. */
	public static final String UNIT_PHASE_PROPERTY = "agentprotocols.tests.unit-phase";

	private ExternalServices() {
	}

	static void requireIntegrationPhase(String service, Class<?> annotation) {
		if (Boolean.getBoolean(UNIT_PHASE_PROPERTY)) {
			throw new IllegalStateException(service + " is not available to unit tests: annotate the test class with @"
					+ annotation.getSimpleName() + " so that the build runs it in the integration-test phase"
					+ " (./mvnw verify).");
		}
	}

}
