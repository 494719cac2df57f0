package io.github.agentprotocols.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCpuTests {

	private static final long BURNED = TimeUnit.MILLISECONDS.toNanos(50);

	@Test
	void countsTheProcessorTimeOfTheThreadsWithThePrefixOnly() throws Exception {
		ThreadCpu burners = new ThreadCpu("thread-cpu-test-burner");
		ThreadCpu nobody = new ThreadCpu("thread-cpu-test-nobody");
		long before = burners.nanos();
		CountDownLatch burned = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread burner = new Thread(() -> {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long start = threads.getCurrentThreadCpuTime();
			while (threads.getCurrentThreadCpuTime() - start < BURNED) {
				Thread.onSpinWait();
			}
			burned.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "thread-cpu-test-burner-1");
		burner.start();
		try {
			assertThat(burned.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(burners.nanos() - before).isGreaterThanOrEqualTo(BURNED);
			assertThat(nobody.nanos()).isZero();
		}
		finally {
			release.countDown();
			burner.join();
		}
	}

}
