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

package io.github.agentprotocols.appcontrol.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code [computer_use]} section: the desktop-control backend and its allowlist.
 *
 * @param backend the backend, such as direct or helper
 * @param allowedApps apps commands may target
 * @param allowedAppBundleIds bundle ids of allowed apps, by app name
 * @param allowCoordinateClick whether clicks by screen coordinates are allowed
 * @param screenRecordingRequired whether the Screen Recording permission is required
 * @param timeoutMs default command deadline in milliseconds
 */
public record ComputerUseConfig(String backend, List<String> allowedApps, Map<String, String> allowedAppBundleIds,
		boolean allowCoordinateClick, boolean screenRecordingRequired, int timeoutMs) {

	/** The defaults: direct backend, nothing allowed, 10 second timeout. */
	public static final ComputerUseConfig DEFAULTS = new ComputerUseConfig("direct", List.of(), Map.of(), false, false,
			10000);

	/**
	 * Create a new {@code ComputerUseConfig}, validating its values.
	 * @param backend the backend, such as direct or helper
	 * @param allowedApps apps commands may target
	 * @param allowedAppBundleIds bundle ids of allowed apps, by app name
	 * @param allowCoordinateClick whether clicks by screen coordinates are allowed
	 * @param screenRecordingRequired whether the Screen Recording permission is required
	 * @param timeoutMs default command deadline in milliseconds
	 */
	public ComputerUseConfig {
		backend = ConfigValues.text(backend, "computer_use.backend");
		allowedApps = ConfigValues.texts(allowedApps, "computer_use.allowed_apps");
		allowedAppBundleIds = ConfigValues.textMap(allowedAppBundleIds, "computer_use.allowed_app_bundle_ids");
		ConfigValues.positive(timeoutMs, "computer_use.timeout_ms");
	}

	/**
	 * Every allowed app with its bundle id: {@code allowed_apps} entries map to null,
	 * then the {@code allowed_app_bundle_ids} entries are laid over them.
	 * @return the ordered identities
	 */
	public Map<String, @Nullable String> allowedAppIdentities() {
		Map<String, @Nullable String> identities = new LinkedHashMap<>();
		this.allowedApps.forEach((app) -> identities.put(app, null));
		identities.putAll(this.allowedAppBundleIds);
		return Collections.unmodifiableMap(identities);
	}

	static ComputerUseConfig fromMap(Map<String, ?> section) {
		String backend = ConfigValues.tomlString(section.get("backend"), "computer_use.backend");
		List<String> apps = ConfigValues.tomlList(section.get("allowed_apps"), "computer_use.allowed_apps");
		Map<String, String> bundles = ConfigValues.tomlMap(section.get("allowed_app_bundle_ids"),
				"computer_use.allowed_app_bundle_ids");
		Boolean coordinateClick = ConfigValues.tomlBoolean(section.get("allow_coordinate_click"),
				"computer_use.allow_coordinate_click");
		Boolean screenRecording = ConfigValues.tomlBoolean(section.get("screen_recording_required"),
				"computer_use.screen_recording_required");
		Integer timeout = ConfigValues.tomlInteger(section.get("timeout_ms"), "computer_use.timeout_ms");
		return new ComputerUseConfig((backend != null) ? backend : DEFAULTS.backend,
				(apps != null) ? apps : DEFAULTS.allowedApps,
				(bundles != null) ? bundles : DEFAULTS.allowedAppBundleIds,
				(coordinateClick != null) ? coordinateClick : DEFAULTS.allowCoordinateClick,
				(screenRecording != null) ? screenRecording : DEFAULTS.screenRecordingRequired,
				(timeout != null) ? timeout : DEFAULTS.timeoutMs);
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("backend", this.backend);
		map.put("allowed_apps", this.allowedApps);
		map.put("allowed_app_bundle_ids", this.allowedAppBundleIds);
		map.put("allow_coordinate_click", this.allowCoordinateClick);
		map.put("screen_recording_required", this.screenRecordingRequired);
		map.put("timeout_ms", this.timeoutMs);
		return map;
	}

}
