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

/**
 * The {@code [wechat]} section: how the WeChat desktop tool drives the app.
 *
 * @param appName the app's name
 * @param bundleId the app's bundle id
 * @param appControlTool the app-control tool that drives it
 * @param searchHotkey keys that open search
 * @param searchClearHotkey keys that select the search text
 * @param clearKey key that clears text
 * @param submitKey key that sends a message
 * @param maxMessageChars longest message accepted
 * @param defaultTimeoutMs default deadline in milliseconds
 */
public record WeChatConfig(String appName, String bundleId, String appControlTool, List<String> searchHotkey,
		List<String> searchClearHotkey, String clearKey, String submitKey, int maxMessageChars, int defaultTimeoutMs) {

	/** The defaults of the WeChat desktop app on macOS. */
	public static final WeChatConfig DEFAULTS = new WeChatConfig("WeChat", "com.tencent.xinWeChat",
			"macos.computer_use", List.of("Command", "F"), List.of("Command", "A"), "Delete", "Return", 2000, 30000);

	/**
	 * Create a new {@code WeChatConfig}, validating its values.
	 * @param appName the app's name
	 * @param bundleId the app's bundle id
	 * @param appControlTool the app-control tool that drives it
	 * @param searchHotkey keys that open search
	 * @param searchClearHotkey keys that select the search text
	 * @param clearKey key that clears text
	 * @param submitKey key that sends a message
	 * @param maxMessageChars longest message accepted
	 * @param defaultTimeoutMs default deadline in milliseconds
	 */
	public WeChatConfig {
		appName = ConfigValues.text(appName, "wechat.app_name");
		bundleId = ConfigValues.text(bundleId, "wechat.bundle_id");
		appControlTool = ConfigValues.text(appControlTool, "wechat.app_control_tool");
		searchHotkey = ConfigValues.texts(searchHotkey, "wechat.search_hotkey");
		searchClearHotkey = ConfigValues.texts(searchClearHotkey, "wechat.search_clear_hotkey");
		clearKey = ConfigValues.text(clearKey, "wechat.clear_key");
		submitKey = ConfigValues.text(submitKey, "wechat.submit_key");
		ConfigValues.positive(maxMessageChars, "wechat.max_message_chars");
		ConfigValues.positive(defaultTimeoutMs, "wechat.default_timeout_ms");
	}

	static WeChatConfig fromMap(Map<String, ?> section) {
		String appName = ConfigValues.tomlString(section.get("app_name"), "wechat.app_name");
		String bundleId = ConfigValues.tomlString(section.get("bundle_id"), "wechat.bundle_id");
		String tool = ConfigValues.tomlString(section.get("app_control_tool"), "wechat.app_control_tool");
		List<String> search = ConfigValues.tomlList(section.get("search_hotkey"), "wechat.search_hotkey");
		List<String> clearSearch = ConfigValues.tomlList(section.get("search_clear_hotkey"),
				"wechat.search_clear_hotkey");
		String clearKey = ConfigValues.tomlString(section.get("clear_key"), "wechat.clear_key");
		String submitKey = ConfigValues.tomlString(section.get("submit_key"), "wechat.submit_key");
		Integer maxChars = ConfigValues.tomlInteger(section.get("max_message_chars"), "wechat.max_message_chars");
		Integer timeout = ConfigValues.tomlInteger(section.get("default_timeout_ms"), "wechat.default_timeout_ms");
		return new WeChatConfig((appName != null) ? appName : DEFAULTS.appName,
				(bundleId != null) ? bundleId : DEFAULTS.bundleId, (tool != null) ? tool : DEFAULTS.appControlTool,
				(search != null) ? search : DEFAULTS.searchHotkey,
				(clearSearch != null) ? clearSearch : DEFAULTS.searchClearHotkey,
				(clearKey != null) ? clearKey : DEFAULTS.clearKey, (submitKey != null) ? submitKey : DEFAULTS.submitKey,
				(maxChars != null) ? maxChars : DEFAULTS.maxMessageChars,
				(timeout != null) ? timeout : DEFAULTS.defaultTimeoutMs);
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("app_name", this.appName);
		map.put("bundle_id", this.bundleId);
		map.put("app_control_tool", this.appControlTool);
		map.put("search_hotkey", this.searchHotkey);
		map.put("search_clear_hotkey", this.searchClearHotkey);
		map.put("clear_key", this.clearKey);
		map.put("submit_key", this.submitKey);
		map.put("max_message_chars", this.maxMessageChars);
		map.put("default_timeout_ms", this.defaultTimeoutMs);
		return map;
	}

}
