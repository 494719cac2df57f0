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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code [helper]} section: how to reach the desktop helper process.
 *
 * @param transport the transport, such as unix_socket
 * @param helperAppPath path of the helper app, or null
 * @param bundleId bundle id of the helper, or null
 * @param manifestPath path of the helper manifest, or null
 * @param endpoint the helper endpoint, or null
 * @param token the helper's shared secret, or null; never logged
 * @param allowedApps apps the helper may target
 * @param autoLaunch whether the helper is launched on demand
 * @param launchTimeoutMs how long to wait for a launched helper, in milliseconds
 */
public record HelperConfig(String transport, @Nullable String helperAppPath, @Nullable String bundleId,
		@Nullable String manifestPath, @Nullable String endpoint, @Nullable String token, List<String> allowedApps,
		boolean autoLaunch, int launchTimeoutMs) {

	/** The defaults: unix_socket, no launch, 90 second launch timeout. */
	public static final HelperConfig DEFAULTS = new HelperConfig("unix_socket", null, null, null, null, null, List.of(),
			false, 90000);

	/**
	 * Create a new {@code HelperConfig}, validating its values.
	 * @param transport the transport, such as unix_socket
	 * @param helperAppPath path of the helper app, or null
	 * @param bundleId bundle id of the helper, or null
	 * @param manifestPath path of the helper manifest, or null
	 * @param endpoint the helper endpoint, or null
	 * @param token the helper's shared secret, or null; never logged
	 * @param allowedApps apps the helper may target
	 * @param autoLaunch whether the helper is launched on demand
	 * @param launchTimeoutMs how long to wait for a launched helper, in milliseconds
	 */
	public HelperConfig {
		transport = ConfigValues.text(transport, "helper.transport");
		helperAppPath = ConfigValues.optionalText(helperAppPath, "helper.helper_app_path");
		bundleId = ConfigValues.optionalText(bundleId, "helper.bundle_id");
		manifestPath = ConfigValues.optionalText(manifestPath, "helper.manifest_path");
		endpoint = ConfigValues.optionalText(endpoint, "helper.endpoint");
		token = ConfigValues.optionalText(token, "helper.token");
		allowedApps = ConfigValues.texts(allowedApps, "helper.allowed_apps");
		ConfigValues.positive(launchTimeoutMs, "helper.launch_timeout_ms");
	}

	static HelperConfig fromMap(Map<String, ?> section) {
		String transport = ConfigValues.tomlString(section.get("transport"), "helper.transport");
		List<String> apps = ConfigValues.tomlList(section.get("allowed_apps"), "helper.allowed_apps");
		Boolean autoLaunch = ConfigValues.tomlBoolean(section.get("auto_launch"), "helper.auto_launch");
		Integer launchTimeout = ConfigValues.tomlInteger(section.get("launch_timeout_ms"), "helper.launch_timeout_ms");
		return new HelperConfig((transport != null) ? transport : DEFAULTS.transport,
				ConfigValues.tomlString(section.get("helper_app_path"), "helper.helper_app_path"),
				ConfigValues.tomlString(section.get("bundle_id"), "helper.bundle_id"),
				ConfigValues.tomlString(section.get("manifest_path"), "helper.manifest_path"),
				ConfigValues.tomlString(section.get("endpoint"), "helper.endpoint"),
				ConfigValues.tomlString(section.get("token"), "helper.token"),
				(apps != null) ? apps : DEFAULTS.allowedApps, (autoLaunch != null) ? autoLaunch : DEFAULTS.autoLaunch,
				(launchTimeout != null) ? launchTimeout : DEFAULTS.launchTimeoutMs);
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("transport", this.transport);
		map.put("helper_app_path", this.helperAppPath);
		map.put("bundle_id", this.bundleId);
		map.put("manifest_path", this.manifestPath);
		map.put("endpoint", this.endpoint);
		map.put("token", this.token);
		map.put("allowed_apps", this.allowedApps);
		map.put("auto_launch", this.autoLaunch);
		map.put("launch_timeout_ms", this.launchTimeoutMs);
		return map;
	}

	@Override
	public String toString() {
		return "HelperConfig[transport=" + this.transport + ", helperAppPath=" + this.helperAppPath + ", bundleId="
				+ this.bundleId + ", manifestPath=" + this.manifestPath + ", endpoint=" + this.endpoint + ", token="
				+ ((this.token != null) ? "******" : null) + ", allowedApps=" + this.allowedApps + ", autoLaunch="
				+ this.autoLaunch + ", launchTimeoutMs=" + this.launchTimeoutMs + "]";
	}

}
