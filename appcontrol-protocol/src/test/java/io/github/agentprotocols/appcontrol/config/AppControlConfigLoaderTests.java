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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.agentprotocols.testsupport.SpecItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Conformance checklist items 39-44.
 */
class AppControlConfigLoaderTests {

	static final Path TEMPLATE = Path.of("..", "docs", "app-control.toml");

	@TempDir
	Path directory;

	private Path toml(String text) throws IOException {
		Path file = this.directory.resolve("app-control.toml");
		Files.writeString(file, text);
		return file;
	}

	private static AppControlConfigException failure(Path toml, Map<String, String> env) {
		try {
			AppControlConfigLoader.load(toml, env);
		}
		catch (AppControlConfigException ex) {
			return ex;
		}
		throw new AssertionError("expected a configuration error");
	}

	@Test
	@SpecItem("AC-10.39")
	void defaultsAreTheSpecDefaults() {
		AppControlConfig config = AppControlConfigLoader.load(null, Map.of());
		assertThat(config).isEqualTo(AppControlConfig.defaults());
		assertThat(config.wechat().searchHotkey()).containsExactly("Command", "F");
		assertThat(config.wechat().searchClearHotkey()).containsExactly("Command", "A");
		assertThat(config.helper().transport()).isEqualTo("unix_socket");
		assertThat(config.helper().launchTimeoutMs()).isEqualTo(90000);
		assertThat(config.computerUse().allowedAppIdentities()).isEmpty();
		assertThat(config.computerUse().timeoutMs()).isEqualTo(10000);
		assertThat(config.logging()).isEqualTo(new LoggingConfig("info", true, false, "stderr"));
		assertThat(config.wechat().maxMessageChars()).isEqualTo(2000);
		assertThat(config.wechat().defaultTimeoutMs()).isEqualTo(30000);
	}

	@Test
	@SpecItem("AC-10.40")
	void theShippedTemplateLoads() {
		AppControlConfig config = AppControlConfigLoader.load(TEMPLATE, Map.of());
		assertThat(config.computerUse().allowedApps()).containsExactly("TextEdit", "WeChat");
		assertThat(config.computerUse().allowedAppBundleIds()).containsExactly(entry("TextEdit", "com.apple.TextEdit"),
				entry("WeChat", "com.tencent.xinWeChat"));
		assertThat(config.computerUse().allowedAppIdentities()).containsExactly(entry("TextEdit", "com.apple.TextEdit"),
				entry("WeChat", "com.tencent.xinWeChat"));
		assertThat(config.logging()).isEqualTo(AppControlConfig.defaults().logging());
		assertThat(config.helper()).isEqualTo(AppControlConfig.defaults().helper());
		assertThat(config.wechat()).isEqualTo(AppControlConfig.defaults().wechat());
	}

	@Test
	@SpecItem("AC-10.41")
	void environmentOverridesTheFile() throws IOException {
		Path file = toml("[logging]\nlevel = \"warning\"\n[computer_use]\nallowed_apps = [\"TextEdit\"]\n");
		AppControlConfig config = AppControlConfigLoader.load(file,
				Map.of("APP_CONTROL_LOG_LEVEL", "error", "APP_CONTROL_ALLOWED_APPS", "WeChat, TextEdit",
						"APP_CONTROL_COMPUTER_USE_ALLOWED_APP_BUNDLE_IDS",
						"WeChat=com.tencent.xinWeChat, TextEdit=com.apple.TextEdit", "APP_CONTROL_HELPER_AUTO_LAUNCH",
						"true", "APP_CONTROL_WECHAT_SEARCH_HOTKEY", "Command, K"));
		assertThat(config.logging().level()).isEqualTo("error");
		assertThat(config.computerUse().allowedApps()).containsExactly("WeChat", "TextEdit");
		assertThat(config.computerUse().allowedAppBundleIds()).containsExactly(entry("WeChat", "com.tencent.xinWeChat"),
				entry("TextEdit", "com.apple.TextEdit"));
		assertThat(config.helper().autoLaunch()).isTrue();
		assertThat(config.wechat().searchHotkey()).containsExactly("Command", "K");
	}

	@Test
	@SpecItem("AC-10.42")
	void everyOverrideVariableIsApplied() {
		Map<String, String> env = new HashMap<>();
		env.put("APP_CONTROL_COMPUTER_USE_TIMEOUT_MS", "2500");
		env.put("APP_CONTROL_HELPER_LAUNCH_TIMEOUT_MS", "120000");
		env.put("APP_CONTROL_WECHAT_MAX_MESSAGE_CHARS", "42");
		env.put("APP_CONTROL_WECHAT_DEFAULT_TIMEOUT_MS", "1234");
		env.put("APP_CONTROL_HELPER_TOKEN", "local-token");
		env.put("APP_CONTROL_LOG_JSON", "true");
		env.put("APP_CONTROL_LOG_EVENT_SINK", "stdout");
		env.put("APP_CONTROL_HELPER_MANIFEST", "/tmp/manifest.json");
		env.put("APP_CONTROL_HELPER_APP_PATH", "/Applications/Helper.app");
		env.put("APP_CONTROL_LOG_REDACT_TEXT", "off");
		AppControlConfig config = AppControlConfigLoader.load(null, env);
		assertThat(config.computerUse().timeoutMs()).isEqualTo(2500);
		assertThat(config.helper().launchTimeoutMs()).isEqualTo(120000);
		assertThat(config.wechat().maxMessageChars()).isEqualTo(42);
		assertThat(config.wechat().defaultTimeoutMs()).isEqualTo(1234);
		assertThat(config.helper().token()).isEqualTo("local-token");
		assertThat(config.helper().toString()).doesNotContain("local-token");
		assertThat(config.logging().json()).isTrue();
		assertThat(config.logging().eventSink()).isEqualTo("stdout");
		assertThat(config.logging().redactText()).isFalse();
		assertThat(config.helper().manifestPath()).isEqualTo("/tmp/manifest.json");
		assertThat(config.helper().helperAppPath()).isEqualTo("/Applications/Helper.app");
		assertThat(config.toMap().get("helper")).containsEntry("token", "local-token");
	}

	@Test
	void environmentValuesAreTrimmedAsPythonTrimsThem() {
		Map<String, String> env = Map.of("APP_CONTROL_COMPUTER_USE_TIMEOUT_MS", "\u00A02500\u2007",
				"APP_CONTROL_COMPUTER_USE_ALLOWED_APPS", "WeChat\u202F,\u0085TextEdit", "APP_CONTROL_LOG_JSON",
				"\u00A0yes", "APP_CONTROL_HELPER_ENDPOINT", "\u2007/tmp/helper.sock\u00A0");
		AppControlConfig config = AppControlConfigLoader.load(null, env);
		assertThat(config.computerUse().timeoutMs()).isEqualTo(2500);
		assertThat(config.computerUse().allowedApps()).containsExactly("WeChat", "TextEdit");
		assertThat(config.logging().json()).isTrue();
		assertThat(config.helper().endpoint()).isEqualTo("/tmp/helper.sock");
	}

	@Test
	@SpecItem("AC-10.43")
	void invalidValuesFailWithTheUpstreamMessages() throws IOException {
		assertThat(failure(null, Map.of("APP_CONTROL_COMPUTER_USE_TIMEOUT_MS", "slow")).getMessage())
			.isEqualTo("APP_CONTROL_COMPUTER_USE_TIMEOUT_MS must be an integer");
		assertThat(failure(null, Map.of("APP_CONTROL_COMPUTER_USE_TIMEOUT_MS", "1_000")).getMessage())
			.endsWith("must be an integer");
		assertThat(failure(null, Map.of("APP_CONTROL_COMPUTER_USE_ALLOWED_APP_BUNDLE_IDS", "WeChat")).getMessage())
			.endsWith("entries must use APP=bundle.id");
		assertThat(failure(null, Map.of("APP_CONTROL_LOG_REDACT_TEXT", "maybe")).getMessage())
			.isEqualTo("expected boolean value, got 'maybe'");
		assertThat(failure(toml("[logging]\nlevel = \"verbose\"\n"), Map.of()).getMessage())
			.isEqualTo("unsupported logging level: verbose");
		AppControlConfigException zero = failure(null, Map.of("APP_CONTROL_WECHAT_MAX_MESSAGE_CHARS", "0"));
		assertThat(zero.getMessage()).isEqualTo("wechat.max_message_chars must be positive");
		assertThat(zero.getKey()).isEqualTo("wechat.max_message_chars");
		assertThat(failure(null, Map.of("APP_CONTROL_WECHAT_APP_NAME", " ")).getMessage())
			.isEqualTo("wechat.app_name must be a non-empty string");
	}

	@Test
	void fileThatIsNotUtf8IsAConfigurationError() throws IOException {
		Path file = this.directory.resolve("app-control.toml");
		Files.write(file, "[wechat]\napp_name = \"We\u00ffChat\"\n".getBytes(StandardCharsets.ISO_8859_1));
		AppControlConfigException failure = failure(file, Map.of());
		assertThat(failure.getMessage()).isEqualTo("app-control config " + file + " is not UTF-8 text");
		assertThat(failure.getKey()).isEqualTo(file.toString());
	}

	@Test
	@SpecItem("AC-10.44")
	void theSpringStyleNameBeatsTheLegacyAlias() {
		AppControlConfig config = AppControlConfigLoader.load(null,
				Map.of("APP_CONTROL_ALLOWED_APPS", "A", "APP_CONTROL_COMPUTER_USE_ALLOWED_APPS", "B"));
		assertThat(config.computerUse().allowedApps()).containsExactly("B");
	}

	@Test
	void tomlValuesAreTrimmedCoercedAndTypeChecked() throws IOException {
		AppControlConfig config = AppControlConfigLoader.load(toml("""
				[logging]
				level = " WARNING "
				redact_text = "no"
				[computer_use]
				allowed_apps = "TextEdit, WeChat"
				[unknown]
				anything = 1
				"""), Map.of());
		assertThat(config.logging().level()).isEqualTo("warning");
		assertThat(config.logging().redactText()).isFalse();
		assertThat(config.computerUse().allowedApps()).containsExactly("TextEdit", "WeChat");
		assertThat(failure(toml("logging = 3\n"), Map.of()).getMessage()).isEqualTo("logging must be a mapping");
		assertThat(failure(toml("[computer_use]\ntimeout_ms = true\n"), Map.of()).getMessage())
			.isEqualTo("computer_use.timeout_ms must be an integer");
		assertThat(failure(toml("[computer_use]\ntimeout_ms = 1.5\n"), Map.of()).getMessage())
			.isEqualTo("computer_use.timeout_ms must be an integer");
		assertThat(failure(toml("[computer_use\n"), Map.of()).getMessage()).startsWith("invalid TOML");
		assertThat(failure(toml("[\"a\\E\"]\n"), Map.of()).getMessage())
			.as("an escape TOML does not know in a table's quoted key, which the parser throws rather than reports")
			.startsWith("invalid TOML in ")
			.contains("Invalid escape sequence '\\E'");
		for (String shortUnicodeEscape : List.of("[\"\\U", "[\"a\\u12\"]\n", "a = \"\\U\"\n")) {
			assertThat(failure(toml(shortUnicodeEscape), Map.of()).getMessage())
				.as("a unicode escape cut short, which fails an assert inside the parser when assertions are on")
				.startsWith("invalid TOML in ");
		}
		assertThat(AppControlConfigLoader.load(null, Map.of("APP_CONTROL_COMPUTER_USE_ALLOWED_APPS", ""))
			.computerUse()
			.allowedApps()).isEmpty();
	}

	@Test
	void toMapHasTheTomlShape() {
		Map<String, Map<String, Object>> map = AppControlConfig.defaults().toMap();
		assertThat(map.keySet()).containsExactly("logging", "computer_use", "helper", "wechat");
		assertThat(map.get("wechat")).containsEntry("search_hotkey", List.of("Command", "F"));
		assertThat(AppControlConfig.fromMap(map)).isEqualTo(AppControlConfig.defaults());
	}

}
