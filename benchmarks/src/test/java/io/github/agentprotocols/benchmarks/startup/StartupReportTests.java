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

package io.github.agentprotocols.benchmarks.startup;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StartupReportTests {

	private static final String HEAP_INFO = """
			7845:
			 garbage-first heap   total 89088K, used 25148K [0x00000000e0000000, 0x0000000100000000)
			  region size 1024K, 1 young (1024K), 0 survivors (0K)
			 Metaspace       used 59738K, committed 60352K, reserved 1114112K
			  class space    used 7889K, committed 8192K, reserved 1048576K
			""";

	@Test
	void startedLineGivesSpringsSecondsAndTheProcessUpTime() {
		String log = """
				2026-11-23T00:48:55.100Z  INFO 7845 --- [showcase] [main] o.s.b.w.e.n.NettyWebServer : Netty started on port 18181
				2026-11-23T00:48:55.284Z  INFO 7845 --- [showcase] [main] i.g.a.s.showcase.ShowcaseApplication : Started ShowcaseApplication in 44.086 seconds (process running for 48.145)
				""";
		assertThat(StartupReport.started(log)).containsExactly(44.086, 48.145);
	}

	@Test
	void logWithoutStartedLineGivesNothingYet() {
		assertThat(StartupReport.started("Starting ShowcaseApplication using Java 17")).isNull();
	}

	@Test
	void heapInfoGivesHeapAndMetaspaceInUse() {
		assertThat(StartupReport.heapUsed(HEAP_INFO)).isEqualTo(25148L * 1024);
		assertThat(StartupReport.metaspaceUsed(HEAP_INFO)).isEqualTo(59738L * 1024);
	}

	@Test
	void heapInfoOfAnotherCollectorIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> StartupReport.heapUsed(" def new generation   total 4800K, used 1200K [0x0, 0x0, 0x0)\n"));
	}

	@Test
	void procStatusGivesTheResidentSetSize() {
		String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  244900 kB\nRssAnon:\t  200000 kB\n";
		assertThat(StartupReport.rss(status)).isEqualTo(244900L * 1024);
	}

	@Test
	void procStatGivesUserPlusSystemTimeAfterACommandNameWithSpaces() {
		String stat = "6745 (java main) S 6742 6742 3047 0 -1 4194304 127 0 0 0 1234 266 0 0 20 0 31 0 4456167 3133440 372";
		assertThat(StartupReport.cpuSeconds(stat, 100)).isEqualTo(15.0);
	}

	@Test
	void medianTakesEachFigureOnItsOwn() {
		StartupReport median = StartupReport.median("m",
				List.of(new StartupReport("a", 3000, 2.0, 2.5, 9.0, 30, 60, 200, 1.0),
						new StartupReport("b", 1000, 3.0, 3.5, 7.0, 10, 50, 300, 3.0),
						new StartupReport("c", 2000, 1.0, 1.5, 8.0, 20, 40, 100, 2.0)));
		assertThat(median).isEqualTo(new StartupReport("m", 2000, 2.0, 2.5, 8.0, 20, 50, 200, 2.0));
	}

	@Test
	void csvDividesEveryFigureByTheBaselines() {
		StartupReport bare = new StartupReport("bare", 2000, 1.5, 2.0, 4.0, 10 * 1048576.0, 40 * 1048576.0,
				100 * 1048576.0, 1.25);
		StartupReport showcase = new StartupReport("showcase", 3000, 3.0, 3.5, 7.0, 25 * 1048576.0, 60 * 1048576.0,
				250 * 1048576.0, 1.5);
		assertThat(StartupReport.toCsv(List.of(bare, showcase))).containsExactly(
				"bare,2000,1.500,2.000,4.00,10.0,40.0,100.0,1.25,1.00,1.00,1.00,1.00,1.00,1.00",
				"showcase,3000,3.000,3.500,7.00,25.0,60.0,250.0,1.50,1.50,2.00,1.75,2.50,1.50,2.50");
	}

}
