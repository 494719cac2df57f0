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

package io.github.agentprotocols.appcontrol.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.agentprotocols.appcontrol.config.ComputerUseConfig;
import io.github.agentprotocols.appcontrol.config.HelperConfig;
import io.github.agentprotocols.appcontrol.config.LoggingConfig;
import io.github.agentprotocols.appcontrol.config.WeChatConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the app-control starter, bound under {@code app-control}.
 * The upstream {@code APP_CONTROL_*} environment variables and an optional TOML file
 * ({@code app-control.config-file}) feed the same properties. The defaults of the
 * {@code logging}, {@code computer-use}, {@code helper} and {@code wechat} sections are
 * the protocol's ({@code LoggingConfig.DEFAULTS} and its siblings);
 * {@link AppControlPropertiesMapper} turns these sections into the validated
 * {@link io.github.agentprotocols.appcontrol.config.AppControlConfig}.
 */
@ConfigurationProperties("app-control")
public class AppControlProperties {

	/**
	 * Whether the app-control starter is active. Set to false to back the whole starter
	 * off.
	 */
	private boolean enabled = true;

	/**
	 * Optional TOML configuration file (file: or classpath: resource), loaded below the
	 * environment and above the application's own configuration files.
	 */
	private @Nullable String configFile;

	private final Logging logging = new Logging();

	private final ComputerUse computerUse = new ComputerUse();

	private final Helper helper = new Helper();

	private final Wechat wechat = new Wechat();

	private final Service service = new Service();

	private final Remote remote = new Remote();

	/**
	 * Return whether the app-control starter is active ({@code app-control.enabled}).
	 * @return the configured value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether the app-control starter is active ({@code app-control.enabled}).
	 * @param enabled the value to set
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the optional TOML configuration file (file: or classpath: resource), loaded
	 * below the environment and above the application's own configuration files
	 * ({@code app-control.config-file}).
	 * @return the configured value
	 */
	public @Nullable String getConfigFile() {
		return this.configFile;
	}

	/**
	 * Set the optional TOML configuration file (file: or classpath: resource), loaded
	 * below the environment and above the application's own configuration files
	 * ({@code app-control.config-file}).
	 * @param configFile the value to set
	 */
	public void setConfigFile(@Nullable String configFile) {
		this.configFile = configFile;
	}

	/**
	 * Return the properties under {@code app-control.logging}.
	 * @return the properties
	 */
	public Logging getLogging() {
		return this.logging;
	}

	/**
	 * Return the properties under {@code app-control.computer-use}.
	 * @return the properties
	 */
	public ComputerUse getComputerUse() {
		return this.computerUse;
	}

	/**
	 * Return the properties under {@code app-control.helper}.
	 * @return the properties
	 */
	public Helper getHelper() {
		return this.helper;
	}

	/**
	 * Return the properties under {@code app-control.wechat}.
	 * @return the properties
	 */
	public Wechat getWechat() {
		return this.wechat;
	}

	/**
	 * Return the properties under {@code app-control.service}.
	 * @return the properties
	 */
	public Service getService() {
		return this.service;
	}

	/**
	 * Return the properties under {@code app-control.remote}.
	 * @return the properties
	 */
	public Remote getRemote() {
		return this.remote;
	}

	/**
	 * How LoggingToolObserver writes command events.
	 */
	public static class Logging {

		/**
		 * Level of event lines written to the logger.
		 */
		private Level level = Level.valueOf(LoggingConfig.DEFAULTS.level().toUpperCase(Locale.ROOT));

		/**
		 * Whether text-bearing values (keys containing text, message, password, secret,
		 * token or credential) are replaced by [redacted].
		 */
		private boolean redactText = LoggingConfig.DEFAULTS.redactText();

		/**
		 * Whether event lines are JSON instead of text.
		 */
		private boolean json = LoggingConfig.DEFAULTS.json();

		/**
		 * Where event lines go.
		 */
		private EventSink eventSink = EventSink.valueOf(LoggingConfig.DEFAULTS.eventSink().toUpperCase(Locale.ROOT));

		/**
		 * Return the level of event lines written to the logger
		 * ({@code app-control.logging.level}).
		 * @return the configured value
		 */
		public Level getLevel() {
			return this.level;
		}

		/**
		 * Set the level of event lines written to the logger
		 * ({@code app-control.logging.level}).
		 * @param level the value to set
		 */
		public void setLevel(Level level) {
			this.level = level;
		}

		/**
		 * Return whether text-bearing values (keys containing text, message, password,
		 * secret, token or credential) are replaced by [redacted]
		 * ({@code app-control.logging.redact-text}).
		 * @return the configured value
		 */
		public boolean isRedactText() {
			return this.redactText;
		}

		/**
		 * Set whether text-bearing values (keys containing text, message, password,
		 * secret, token or credential) are replaced by [redacted]
		 * ({@code app-control.logging.redact-text}).
		 * @param redactText the value to set
		 */
		public void setRedactText(boolean redactText) {
			this.redactText = redactText;
		}

		/**
		 * Return whether event lines are JSON instead of text
		 * ({@code app-control.logging.json}).
		 * @return the configured value
		 */
		public boolean isJson() {
			return this.json;
		}

		/**
		 * Set whether event lines are JSON instead of text
		 * ({@code app-control.logging.json}).
		 * @param json the value to set
		 */
		public void setJson(boolean json) {
			this.json = json;
		}

		/**
		 * Return where event lines go ({@code app-control.logging.event-sink}).
		 * @return the configured value
		 */
		public EventSink getEventSink() {
			return this.eventSink;
		}

		/**
		 * Set where event lines go ({@code app-control.logging.event-sink}).
		 * @param eventSink the value to set
		 */
		public void setEventSink(EventSink eventSink) {
			this.eventSink = eventSink;
		}

		/**
		 * Level of event lines; {@code critical} logs at ERROR with the marker CRITICAL.
		 */
		public enum Level {

			/**
			 * Everything, down to the detail of each step.
			 */
			DEBUG,

			/**
			 * Normal progress.
			 */
			INFO,

			/**
			 * Something unexpected that the service recovered from.
			 */
			WARNING,

			/**
			 * A failure.
			 */
			ERROR,

			/**
			 * A failure logged at ERROR with the marker CRITICAL.
			 */
			CRITICAL

		}

		/**
		 * Where event lines go.
		 */
		public enum EventSink {

			/**
			 * The standard output stream.
			 */
			STDOUT,

			/**
			 * The standard error stream.
			 */
			STDERR,

			/**
			 * The app_control SLF4J logger, at the configured level.
			 */
			LOGGER

		}

	}

	/**
	 * The desktop-control backend and its allowlist.
	 */
	public static class ComputerUse {

		/**
		 * Backend that runs computer-use commands, such as direct or helper.
		 */
		private String backend = ComputerUseConfig.DEFAULTS.backend();

		/**
		 * Apps that commands may target.
		 */
		private List<String> allowedApps = new ArrayList<>(ComputerUseConfig.DEFAULTS.allowedApps());

		/**
		 * Bundle ids of allowed apps, by app name. Use bracket notation for names with
		 * spaces, dots or capitals, for example allowed-app-bundle-ids."[Visual Studio
		 * Code]".
		 */
		private Map<String, String> allowedAppBundleIds = new LinkedHashMap<>(
				ComputerUseConfig.DEFAULTS.allowedAppBundleIds());

		/**
		 * Whether clicks by screen coordinates are allowed.
		 */
		private boolean allowCoordinateClick = ComputerUseConfig.DEFAULTS.allowCoordinateClick();

		/**
		 * Whether the Screen Recording permission is required.
		 */
		private boolean screenRecordingRequired = ComputerUseConfig.DEFAULTS.screenRecordingRequired();

		/**
		 * Default command deadline. A number without a unit is in milliseconds.
		 */
		@DurationUnit(ChronoUnit.MILLIS)
		private Duration timeoutMs = Duration.ofMillis(ComputerUseConfig.DEFAULTS.timeoutMs());

		/**
		 * Return the backend that runs computer-use commands, such as direct or helper
		 * ({@code app-control.computer-use.backend}).
		 * @return the configured value
		 */
		public String getBackend() {
			return this.backend;
		}

		/**
		 * Set the backend that runs computer-use commands, such as direct or helper
		 * ({@code app-control.computer-use.backend}).
		 * @param backend the value to set
		 */
		public void setBackend(String backend) {
			this.backend = backend;
		}

		/**
		 * Return the apps that commands may target
		 * ({@code app-control.computer-use.allowed-apps}).
		 * @return the configured value
		 */
		public List<String> getAllowedApps() {
			return this.allowedApps;
		}

		/**
		 * Set the apps that commands may target
		 * ({@code app-control.computer-use.allowed-apps}).
		 * @param allowedApps the value to set
		 */
		public void setAllowedApps(List<String> allowedApps) {
			this.allowedApps = allowedApps;
		}

		/**
		 * Return the bundle ids of allowed apps, by app name
		 * ({@code app-control.computer-use.allowed-app-bundle-ids}).
		 * @return the configured value
		 */
		public Map<String, String> getAllowedAppBundleIds() {
			return this.allowedAppBundleIds;
		}

		/**
		 * Set the bundle ids of allowed apps, by app name
		 * ({@code app-control.computer-use.allowed-app-bundle-ids}).
		 * @param allowedAppBundleIds the value to set
		 */
		public void setAllowedAppBundleIds(Map<String, String> allowedAppBundleIds) {
			this.allowedAppBundleIds = allowedAppBundleIds;
		}

		/**
		 * Return whether clicks by screen coordinates are allowed
		 * ({@code app-control.computer-use.allow-coordinate-click}).
		 * @return the configured value
		 */
		public boolean isAllowCoordinateClick() {
			return this.allowCoordinateClick;
		}

		/**
		 * Set whether clicks by screen coordinates are allowed
		 * ({@code app-control.computer-use.allow-coordinate-click}).
		 * @param allowCoordinateClick the value to set
		 */
		public void setAllowCoordinateClick(boolean allowCoordinateClick) {
			this.allowCoordinateClick = allowCoordinateClick;
		}

		/**
		 * Return whether the Screen Recording permission is required
		 * ({@code app-control.computer-use.screen-recording-required}).
		 * @return the configured value
		 */
		public boolean isScreenRecordingRequired() {
			return this.screenRecordingRequired;
		}

		/**
		 * Set whether the Screen Recording permission is required
		 * ({@code app-control.computer-use.screen-recording-required}).
		 * @param screenRecordingRequired the value to set
		 */
		public void setScreenRecordingRequired(boolean screenRecordingRequired) {
			this.screenRecordingRequired = screenRecordingRequired;
		}

		/**
		 * Return the default command deadline
		 * ({@code app-control.computer-use.timeout-ms}).
		 * @return the configured value
		 */
		public Duration getTimeoutMs() {
			return this.timeoutMs;
		}

		/**
		 * Set the default command deadline ({@code app-control.computer-use.timeout-ms}).
		 * @param timeoutMs the value to set
		 */
		public void setTimeoutMs(Duration timeoutMs) {
			this.timeoutMs = timeoutMs;
		}

	}

	/**
	 * How to reach the desktop helper process.
	 */
	public static class Helper {

		/**
		 * Transport to the helper, such as unix_socket.
		 */
		private String transport = HelperConfig.DEFAULTS.transport();

		/**
		 * Path of the helper app.
		 */
		private @Nullable String helperAppPath;

		/**
		 * Bundle id of the helper app.
		 */
		private @Nullable String bundleId;

		/**
		 * Path of the helper manifest.
		 */
		private @Nullable String manifestPath;

		/**
		 * Endpoint of the helper, such as a socket path.
		 */
		private @Nullable String endpoint;

		/**
		 * Shared secret sent to the helper. Never logged.
		 */
		private @Nullable String token;

		/**
		 * Apps the helper may target.
		 */
		private List<String> allowedApps = new ArrayList<>(HelperConfig.DEFAULTS.allowedApps());

		/**
		 * Whether the helper is launched on demand.
		 */
		private boolean autoLaunch = HelperConfig.DEFAULTS.autoLaunch();

		/**
		 * How long to wait for a launched helper. A number without a unit is in
		 * milliseconds.
		 */
		@DurationUnit(ChronoUnit.MILLIS)
		private Duration launchTimeoutMs = Duration.ofMillis(HelperConfig.DEFAULTS.launchTimeoutMs());

		/**
		 * Return the transport to the helper, such as unix_socket
		 * ({@code app-control.helper.transport}).
		 * @return the configured value
		 */
		public String getTransport() {
			return this.transport;
		}

		/**
		 * Set the transport to the helper, such as unix_socket
		 * ({@code app-control.helper.transport}).
		 * @param transport the value to set
		 */
		public void setTransport(String transport) {
			this.transport = transport;
		}

		/**
		 * Return the path of the helper app ({@code app-control.helper.helper-app-path}).
		 * @return the configured value
		 */
		public @Nullable String getHelperAppPath() {
			return this.helperAppPath;
		}

		/**
		 * Set the path of the helper app ({@code app-control.helper.helper-app-path}).
		 * @param helperAppPath the value to set
		 */
		public void setHelperAppPath(@Nullable String helperAppPath) {
			this.helperAppPath = helperAppPath;
		}

		/**
		 * Return the bundle id of the helper app ({@code app-control.helper.bundle-id}).
		 * @return the configured value
		 */
		public @Nullable String getBundleId() {
			return this.bundleId;
		}

		/**
		 * Set the bundle id of the helper app ({@code app-control.helper.bundle-id}).
		 * @param bundleId the value to set
		 */
		public void setBundleId(@Nullable String bundleId) {
			this.bundleId = bundleId;
		}

		/**
		 * Return the path of the helper manifest
		 * ({@code app-control.helper.manifest-path}).
		 * @return the configured value
		 */
		public @Nullable String getManifestPath() {
			return this.manifestPath;
		}

		/**
		 * Set the path of the helper manifest ({@code app-control.helper.manifest-path}).
		 * @param manifestPath the value to set
		 */
		public void setManifestPath(@Nullable String manifestPath) {
			this.manifestPath = manifestPath;
		}

		/**
		 * Return the endpoint of the helper, such as a socket path
		 * ({@code app-control.helper.endpoint}).
		 * @return the configured value
		 */
		public @Nullable String getEndpoint() {
			return this.endpoint;
		}

		/**
		 * Set the endpoint of the helper, such as a socket path
		 * ({@code app-control.helper.endpoint}).
		 * @param endpoint the value to set
		 */
		public void setEndpoint(@Nullable String endpoint) {
			this.endpoint = endpoint;
		}

		/**
		 * Return the shared secret sent to the helper ({@code app-control.helper.token}).
		 * @return the configured value
		 */
		public @Nullable String getToken() {
			return this.token;
		}

		/**
		 * Set the shared secret sent to the helper ({@code app-control.helper.token}).
		 * @param token the value to set
		 */
		public void setToken(@Nullable String token) {
			this.token = token;
		}

		/**
		 * Return the apps the helper may target
		 * ({@code app-control.helper.allowed-apps}).
		 * @return the configured value
		 */
		public List<String> getAllowedApps() {
			return this.allowedApps;
		}

		/**
		 * Set the apps the helper may target ({@code app-control.helper.allowed-apps}).
		 * @param allowedApps the value to set
		 */
		public void setAllowedApps(List<String> allowedApps) {
			this.allowedApps = allowedApps;
		}

		/**
		 * Return whether the helper is launched on demand
		 * ({@code app-control.helper.auto-launch}).
		 * @return the configured value
		 */
		public boolean isAutoLaunch() {
			return this.autoLaunch;
		}

		/**
		 * Set whether the helper is launched on demand
		 * ({@code app-control.helper.auto-launch}).
		 * @param autoLaunch the value to set
		 */
		public void setAutoLaunch(boolean autoLaunch) {
			this.autoLaunch = autoLaunch;
		}

		/**
		 * Return how long to wait for a launched helper
		 * ({@code app-control.helper.launch-timeout-ms}).
		 * @return the configured value
		 */
		public Duration getLaunchTimeoutMs() {
			return this.launchTimeoutMs;
		}

		/**
		 * Set how long to wait for a launched helper
		 * ({@code app-control.helper.launch-timeout-ms}).
		 * @param launchTimeoutMs the value to set
		 */
		public void setLaunchTimeoutMs(Duration launchTimeoutMs) {
			this.launchTimeoutMs = launchTimeoutMs;
		}

	}

	/**
	 * How the WeChat desktop tool drives the app.
	 */
	public static class Wechat {

		/**
		 * Name of the WeChat app.
		 */
		private String appName = WeChatConfig.DEFAULTS.appName();

		/**
		 * Bundle id of the WeChat app.
		 */
		private String bundleId = WeChatConfig.DEFAULTS.bundleId();

		/**
		 * App-control tool that drives WeChat.
		 */
		private String appControlTool = WeChatConfig.DEFAULTS.appControlTool();

		/**
		 * Keys that open search.
		 */
		private List<String> searchHotkey = new ArrayList<>(WeChatConfig.DEFAULTS.searchHotkey());

		/**
		 * Keys that select the search text.
		 */
		private List<String> searchClearHotkey = new ArrayList<>(WeChatConfig.DEFAULTS.searchClearHotkey());

		/**
		 * Key that clears text.
		 */
		private String clearKey = WeChatConfig.DEFAULTS.clearKey();

		/**
		 * Key that sends a message.
		 */
		private String submitKey = WeChatConfig.DEFAULTS.submitKey();

		/**
		 * Longest message accepted, in characters.
		 */
		private int maxMessageChars = WeChatConfig.DEFAULTS.maxMessageChars();

		/**
		 * Default deadline of WeChat commands. A number without a unit is in
		 * milliseconds.
		 */
		@DurationUnit(ChronoUnit.MILLIS)
		private Duration defaultTimeoutMs = Duration.ofMillis(WeChatConfig.DEFAULTS.defaultTimeoutMs());

		/**
		 * Return the name of the WeChat app ({@code app-control.wechat.app-name}).
		 * @return the configured value
		 */
		public String getAppName() {
			return this.appName;
		}

		/**
		 * Set the name of the WeChat app ({@code app-control.wechat.app-name}).
		 * @param appName the value to set
		 */
		public void setAppName(String appName) {
			this.appName = appName;
		}

		/**
		 * Return the bundle id of the WeChat app ({@code app-control.wechat.bundle-id}).
		 * @return the configured value
		 */
		public String getBundleId() {
			return this.bundleId;
		}

		/**
		 * Set the bundle id of the WeChat app ({@code app-control.wechat.bundle-id}).
		 * @param bundleId the value to set
		 */
		public void setBundleId(String bundleId) {
			this.bundleId = bundleId;
		}

		/**
		 * Return the app-control tool that drives WeChat
		 * ({@code app-control.wechat.app-control-tool}).
		 * @return the configured value
		 */
		public String getAppControlTool() {
			return this.appControlTool;
		}

		/**
		 * Set the app-control tool that drives WeChat
		 * ({@code app-control.wechat.app-control-tool}).
		 * @param appControlTool the value to set
		 */
		public void setAppControlTool(String appControlTool) {
			this.appControlTool = appControlTool;
		}

		/**
		 * Return the keys that open search ({@code app-control.wechat.search-hotkey}).
		 * @return the configured value
		 */
		public List<String> getSearchHotkey() {
			return this.searchHotkey;
		}

		/**
		 * Set the keys that open search ({@code app-control.wechat.search-hotkey}).
		 * @param searchHotkey the value to set
		 */
		public void setSearchHotkey(List<String> searchHotkey) {
			this.searchHotkey = searchHotkey;
		}

		/**
		 * Return the keys that select the search text
		 * ({@code app-control.wechat.search-clear-hotkey}).
		 * @return the configured value
		 */
		public List<String> getSearchClearHotkey() {
			return this.searchClearHotkey;
		}

		/**
		 * Set the keys that select the search text
		 * ({@code app-control.wechat.search-clear-hotkey}).
		 * @param searchClearHotkey the value to set
		 */
		public void setSearchClearHotkey(List<String> searchClearHotkey) {
			this.searchClearHotkey = searchClearHotkey;
		}

		/**
		 * Return the key that clears text ({@code app-control.wechat.clear-key}).
		 * @return the configured value
		 */
		public String getClearKey() {
			return this.clearKey;
		}

		/**
		 * Set the key that clears text ({@code app-control.wechat.clear-key}).
		 * @param clearKey the value to set
		 */
		public void setClearKey(String clearKey) {
			this.clearKey = clearKey;
		}

		/**
		 * Return the key that sends a message ({@code app-control.wechat.submit-key}).
		 * @return the configured value
		 */
		public String getSubmitKey() {
			return this.submitKey;
		}

		/**
		 * Set the key that sends a message ({@code app-control.wechat.submit-key}).
		 * @param submitKey the value to set
		 */
		public void setSubmitKey(String submitKey) {
			this.submitKey = submitKey;
		}

		/**
		 * Return the longest message accepted, in characters
		 * ({@code app-control.wechat.max-message-chars}).
		 * @return the configured value
		 */
		public int getMaxMessageChars() {
			return this.maxMessageChars;
		}

		/**
		 * Set the longest message accepted, in characters
		 * ({@code app-control.wechat.max-message-chars}).
		 * @param maxMessageChars the value to set
		 */
		public void setMaxMessageChars(int maxMessageChars) {
			this.maxMessageChars = maxMessageChars;
		}

		/**
		 * Return the default deadline of WeChat commands
		 * ({@code app-control.wechat.default-timeout-ms}).
		 * @return the configured value
		 */
		public Duration getDefaultTimeoutMs() {
			return this.defaultTimeoutMs;
		}

		/**
		 * Set the default deadline of WeChat commands
		 * ({@code app-control.wechat.default-timeout-ms}).
		 * @param defaultTimeoutMs the value to set
		 */
		public void setDefaultTimeoutMs(Duration defaultTimeoutMs) {
			this.defaultTimeoutMs = defaultTimeoutMs;
		}

	}

	/**
	 * The local service host, which runs ServiceRequest envelopes on the application's
	 * AppControlClient bean: a WebFlux endpoint in a reactive web application and, when a
	 * socket path is set, a Unix domain socket speaking the Python peers' framing.
	 */
	public static class Service {

		/**
		 * Whether to expose the local service host (needs an AppControlClient bean, and a
		 * reactive web application or a socket path).
		 */
		private boolean enabled;

		/**
		 * Path of the service endpoint; every action is a POST of a ServiceRequest
		 * envelope to it.
		 */
		private String path = "/app-control/service";

		/**
		 * Whether the HTTP endpoint answers clients on other machines too. By default it
		 * answers loopback clients only and refuses others with 403. The client is the
		 * connection's peer, or the forwarded client when server.forward-headers-strategy
		 * is set; behind a reverse proxy on the same machine that forwards no client
		 * address, every request looks local, and the token alone protects the endpoint.
		 */
		private boolean allowRemote;

		/**
		 * Missing or wrong tokens a client (remote address) may present per sliding
		 * minute over HTTP; beyond, its requests answer 429 until the oldest failure is a
		 * minute old. 0 turns the throttle off. Behind a proxy, set
		 * server.forward-headers-strategy so that the client address is taken from
		 * X-Forwarded-For; otherwise all clients share the proxy's address.
		 */
		private int maxFailedTokensPerMinute = 30;

		/**
		 * Clients whose failed token attempts are tracked at once; the least recently
		 * seen is forgotten first.
		 */
		private int maxTrackedClients = 10_000;

		/**
		 * Shared secret every ServiceRequest envelope must carry: at least 16 characters,
		 * random ones. Required when the host is enabled.
		 */
		private @Nullable String token;

		/**
		 * Largest accepted request body.
		 */
		private DataSize maxRequestSize = DataSize.ofKilobytes(256);

		/**
		 * Deadline of commands that carry no timeoutMs.
		 */
		private Duration commandTimeout = Duration.ofMinutes(2);

		/**
		 * How long the results of submitted commands stay available for polling.
		 */
		private Duration resultTtl = Duration.ofMinutes(10);

		/**
		 * Most submitted commands kept at once; older finished ones are dropped first.
		 */
		private int maxStoredResults = 1000;

		/**
		 * Unix domain socket to serve the host on as well, newline-delimited JSON as the
		 * Python peers speak it, such as ~/.app-control/service.sock. Created with mode
		 * 0600 (a stale socket file is replaced) and removed on shutdown.
		 */
		private @Nullable String socketPath;

		/**
		 * Longest wait on the Unix socket for a client's request line, and for a client
		 * to take each response line.
		 */
		private Duration socketTimeout = Duration.ofSeconds(30);

		/**
		 * Return whether to expose the local service host (needs an AppControlClient
		 * bean, and a reactive web application or a socket path)
		 * ({@code app-control.service.enabled}).
		 * @return the configured value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether to expose the local service host (needs an AppControlClient bean,
		 * and a reactive web application or a socket path)
		 * ({@code app-control.service.enabled}).
		 * @param enabled the value to set
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return the path of the service endpoint; every action is a POST of a
		 * ServiceRequest envelope to it ({@code app-control.service.path}).
		 * @return the configured value
		 */
		public String getPath() {
			return this.path;
		}

		/**
		 * Set the path of the service endpoint; every action is a POST of a
		 * ServiceRequest envelope to it ({@code app-control.service.path}).
		 * @param path the value to set
		 */
		public void setPath(String path) {
			this.path = path;
		}

		/**
		 * Return whether the HTTP endpoint answers clients on other machines too
		 * ({@code app-control.service.allow-remote}).
		 * @return the configured value
		 */
		public boolean isAllowRemote() {
			return this.allowRemote;
		}

		/**
		 * Set whether the HTTP endpoint answers clients on other machines too
		 * ({@code app-control.service.allow-remote}).
		 * @param allowRemote the value to set
		 */
		public void setAllowRemote(boolean allowRemote) {
			this.allowRemote = allowRemote;
		}

		/**
		 * Return the missing or wrong tokens a client may present per sliding minute over
		 * HTTP ({@code app-control.service.max-failed-tokens-per-minute}).
		 * @return the configured value
		 */
		public int getMaxFailedTokensPerMinute() {
			return this.maxFailedTokensPerMinute;
		}

		/**
		 * Set the missing or wrong tokens a client may present per sliding minute over
		 * HTTP ({@code app-control.service.max-failed-tokens-per-minute}).
		 * @param maxFailedTokensPerMinute the value to set
		 */
		public void setMaxFailedTokensPerMinute(int maxFailedTokensPerMinute) {
			this.maxFailedTokensPerMinute = maxFailedTokensPerMinute;
		}

		/**
		 * Return the clients whose failed token attempts are tracked at once
		 * ({@code app-control.service.max-tracked-clients}).
		 * @return the configured value
		 */
		public int getMaxTrackedClients() {
			return this.maxTrackedClients;
		}

		/**
		 * Set the clients whose failed token attempts are tracked at once
		 * ({@code app-control.service.max-tracked-clients}).
		 * @param maxTrackedClients the value to set
		 */
		public void setMaxTrackedClients(int maxTrackedClients) {
			this.maxTrackedClients = maxTrackedClients;
		}

		/**
		 * Return the shared secret every ServiceRequest envelope must carry
		 * ({@code app-control.service.token}).
		 * @return the configured value
		 */
		public @Nullable String getToken() {
			return this.token;
		}

		/**
		 * Set the shared secret every ServiceRequest envelope must carry
		 * ({@code app-control.service.token}).
		 * @param token the value to set
		 */
		public void setToken(@Nullable String token) {
			this.token = token;
		}

		/**
		 * Return the largest accepted request body
		 * ({@code app-control.service.max-request-size}).
		 * @return the configured value
		 */
		public DataSize getMaxRequestSize() {
			return this.maxRequestSize;
		}

		/**
		 * Set the largest accepted request body
		 * ({@code app-control.service.max-request-size}).
		 * @param maxRequestSize the value to set
		 */
		public void setMaxRequestSize(DataSize maxRequestSize) {
			this.maxRequestSize = maxRequestSize;
		}

		/**
		 * Return the deadline of commands that carry no timeoutMs
		 * ({@code app-control.service.command-timeout}).
		 * @return the configured value
		 */
		public Duration getCommandTimeout() {
			return this.commandTimeout;
		}

		/**
		 * Set the deadline of commands that carry no timeoutMs
		 * ({@code app-control.service.command-timeout}).
		 * @param commandTimeout the value to set
		 */
		public void setCommandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
		}

		/**
		 * Return how long the results of submitted commands stay available for polling
		 * ({@code app-control.service.result-ttl}).
		 * @return the configured value
		 */
		public Duration getResultTtl() {
			return this.resultTtl;
		}

		/**
		 * Set how long the results of submitted commands stay available for polling
		 * ({@code app-control.service.result-ttl}).
		 * @param resultTtl the value to set
		 */
		public void setResultTtl(Duration resultTtl) {
			this.resultTtl = resultTtl;
		}

		/**
		 * Return the most submitted commands kept at once; older finished ones are
		 * dropped first ({@code app-control.service.max-stored-results}).
		 * @return the configured value
		 */
		public int getMaxStoredResults() {
			return this.maxStoredResults;
		}

		/**
		 * Set the most submitted commands kept at once; older finished ones are dropped
		 * first ({@code app-control.service.max-stored-results}).
		 * @param maxStoredResults the value to set
		 */
		public void setMaxStoredResults(int maxStoredResults) {
			this.maxStoredResults = maxStoredResults;
		}

		/**
		 * Return the unix domain socket to serve the host on as well, newline-delimited
		 * JSON as the Python peers speak it, such as ~/.app-control/service.sock
		 * ({@code app-control.service.socket-path}).
		 * @return the configured value
		 */
		public @Nullable String getSocketPath() {
			return this.socketPath;
		}

		/**
		 * Set the unix domain socket to serve the host on as well, newline-delimited JSON
		 * as the Python peers speak it, such as ~/.app-control/service.sock
		 * ({@code app-control.service.socket-path}).
		 * @param socketPath the value to set
		 */
		public void setSocketPath(@Nullable String socketPath) {
			this.socketPath = socketPath;
		}

		/**
		 * Return the longest wait on the Unix socket for a client's request line, and for
		 * a client to take each response line
		 * ({@code app-control.service.socket-timeout}).
		 * @return the configured value
		 */
		public Duration getSocketTimeout() {
			return this.socketTimeout;
		}

		/**
		 * Set the longest wait on the Unix socket for a client's request line, and for a
		 * client to take each response line ({@code app-control.service.socket-timeout}).
		 * @param socketTimeout the value to set
		 */
		public void setSocketTimeout(Duration socketTimeout) {
			this.socketTimeout = socketTimeout;
		}

	}

	/**
	 * A remote app-control service host that this application sends its commands to:
	 * setting the URL registers an HttpAppControlClient (or, for a unix: URL, a
	 * UnixSocketAppControlClient) as the application's AppControlClient.
	 */
	public static class Remote {

		/**
		 * Endpoint of the remote service host, for example
		 * http://127.0.0.1:8080/app-control/service, or unix:/path/to/service.sock for a
		 * host on a Unix domain socket.
		 */
		private @Nullable URI url;

		/**
		 * Shared secret the remote host expects in every ServiceRequest.
		 */
		private @Nullable String token;

		/**
		 * Longest wait for one exchange with the remote host. When not set, Spring Boot's
		 * spring.http.clients.read-timeout over HTTP, else 5 minutes.
		 */
		private @Nullable Duration timeout;

		/**
		 * Longest wait for the connection to the remote host (HTTP only). When not set,
		 * Spring Boot's spring.http.clients.connect-timeout, else 10 seconds.
		 */
		private @Nullable Duration connectTimeout;

		private final Ssl ssl = new Ssl();

		/**
		 * Return the endpoint of the remote service host, for example
		 * http://127.0.0.1:8080/app-control/service, or unix:/path/to/service.sock for a
		 * host on a Unix domain socket ({@code app-control.remote.url}).
		 * @return the configured value
		 */
		public @Nullable URI getUrl() {
			return this.url;
		}

		/**
		 * Set the endpoint of the remote service host, for example
		 * http://127.0.0.1:8080/app-control/service, or unix:/path/to/service.sock for a
		 * host on a Unix domain socket ({@code app-control.remote.url}).
		 * @param url the value to set
		 */
		public void setUrl(@Nullable URI url) {
			this.url = url;
		}

		/**
		 * Return the shared secret the remote host expects in every ServiceRequest
		 * ({@code app-control.remote.token}).
		 * @return the configured value
		 */
		public @Nullable String getToken() {
			return this.token;
		}

		/**
		 * Set the shared secret the remote host expects in every ServiceRequest
		 * ({@code app-control.remote.token}).
		 * @param token the value to set
		 */
		public void setToken(@Nullable String token) {
			this.token = token;
		}

		/**
		 * Return the longest wait for one exchange with the remote host
		 * ({@code app-control.remote.timeout}).
		 * @return the configured value
		 */
		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Set the longest wait for one exchange with the remote host
		 * ({@code app-control.remote.timeout}).
		 * @param timeout the value to set
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Return the longest wait for the connection to the remote host
		 * ({@code app-control.remote.connect-timeout}).
		 * @return the configured value
		 */
		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		/**
		 * Set the longest wait for the connection to the remote host
		 * ({@code app-control.remote.connect-timeout}).
		 * @param connectTimeout the value to set
		 */
		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		/**
		 * Return the properties under {@code app-control.remote.ssl}.
		 * @return the properties
		 */
		public Ssl getSsl() {
			return this.ssl;
		}

	}

	/**
	 * TLS of the connection to the remote service host.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) of the HTTP connection to the
		 * remote service host (an https URL): the authorities trusted instead of the
		 * JDK's, and the client certificate, if any. When not set, Spring Boot's
		 * spring.http.clients.ssl.bundle, else the JDK's trust store.
		 */
		private @Nullable String bundle;

		/**
		 * Return the name of the SSL bundle of the HTTP connection to the remote service
		 * host ({@code app-control.remote.ssl.bundle}).
		 * @return the configured value
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Set the name of the SSL bundle of the HTTP connection to the remote service
		 * host ({@code app-control.remote.ssl.bundle}).
		 * @param bundle the value to set
		 */
		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

}
