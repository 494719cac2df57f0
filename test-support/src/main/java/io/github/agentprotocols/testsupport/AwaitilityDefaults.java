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

package io.github.agentprotocols.testsupport;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes every {@code await()} of a module's tests evaluate its condition at once, then
 * poll from 5 ms up to every 100 ms, instead of Awaitility's default of a first look
 * after 100 ms and every 100 ms after: a condition already met costs nothing, one met
 * soon is seen soon. A module opts in by naming this class in its test resources'
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener} (and
 * having {@code junit-platform-launcher} on its test class path); it is not registered
 * here, so the test kits built on this module leave their users' defaults alone.
 */
public class AwaitilityDefaults implements LauncherSessionListener {

	private static final Duration FIRST_INTERVAL = Duration.ofMillis(5);

	private static final Duration LONGEST_INTERVAL = Duration.ofMillis(100);

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		Awaitility.setDefaultPollDelay(Duration.ZERO);
		Awaitility.setDefaultPollInterval(IterativePollInterval.iterative(AwaitilityDefaults::next, FIRST_INTERVAL));
	}

	private static Duration next(Duration interval) {
		Duration doubled = interval.multipliedBy(2);
		return (doubled.compareTo(LONGEST_INTERVAL) < 0) ? doubled : LONGEST_INTERVAL;
	}

}
