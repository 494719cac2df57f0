package io.github.agentprotocols.benchmarks.baseline;

import io.github.agentprotocols.benchmarks.baseline.BaselineApplication.Running;

/**
 * One raw baseline application for the tests that need it running as it starts, without
 * extra properties, and change nothing in it: started on first use, closed when the test
 * JVM exits, as Spring's test context cache does with its contexts.
 */
public final class SharedBaseline {

	private static Running running;

	private SharedBaseline() {
	}

	/**
	 * The shared application, started if it is not yet.
	 * @return the running application
	 */
	public static synchronized Running get() {
		if (running == null) {
			Running started = BaselineApplication.start();
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-baseline-close"));
			running = started;
		}
		return running;
	}

}
