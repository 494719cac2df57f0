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

import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getConfigFile() {
		return this.configFile;
	}

	public void setConfigFile(@Nullable String configFile) {
		this.configFile = configFile;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public ComputerUse getComputerUse() {
		return this.computerUse;
	}

	public Helper getHelper() {
		return this.helper;
	}

	public Wechat getWechat() {
		return this.wechat;
	}

	public Service getService() {
		return this.service;
	}

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

		public Level getLevel() {
			return this.level;
		}

		public void setLevel(Level level) {
			this.level = level;
		}

		public boolean isRedactText() {
			return this.redactText;
		}

		public void setRedactText(boolean redactText) {
			this.redactText = redactText;
		}

		public boolean isJson() {
			return this.json;
		}

		public void setJson(boolean json) {
			this.json = json;
		}

		public EventSink getEventSink() {
			return this.eventSink;
		}

		public void setEventSink(EventSink eventSink) {
			this.eventSink = eventSink;
		}

		/**
		 * Level of event lines; {@code critical} logs at ERROR with the marker CRITICAL.
		 */
		public enum Level {

			DEBUG, INFO, WARNING, ERROR, CRITICAL

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

		public String getBackend() {
			return this.backend;
		}

		public void setBackend(String backend) {
			this.backend = backend;
		}

		public List<String> getAllowedApps() {
			return this.allowedApps;
		}

		public void setAllowedApps(List<String> allowedApps) {
			this.allowedApps = allowedApps;
		}

		public Map<String, String> getAllowedAppBundleIds() {
			return this.allowedAppBundleIds;
		}

		public void setAllowedAppBundleIds(Map<String, String> allowedAppBundleIds) {
			this.allowedAppBundleIds = allowedAppBundleIds;
		}

		public boolean isAllowCoordinateClick() {
			return this.allowCoordinateClick;
		}

		public void setAllowCoordinateClick(boolean allowCoordinateClick) {
			this.allowCoordinateClick = allowCoordinateClick;
		}

		public boolean isScreenRecordingRequired() {
			return this.screenRecordingRequired;
		}

		public void setScreenRecordingRequired(boolean screenRecordingRequired) {
			this.screenRecordingRequired = screenRecordingRequired;
		}

		public Duration getTimeoutMs() {
			return this.timeoutMs;
		}

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

		public String getTransport() {
			return this.transport;
		}

		public void setTransport(String transport) {
			this.transport = transport;
		}

		public @Nullable String getHelperAppPath() {
			return this.helperAppPath;
		}

		public void setHelperAppPath(@Nullable String helperAppPath) {
			this.helperAppPath = helperAppPath;
		}

		public @Nullable String getBundleId() {
			return this.bundleId;
		}

		public void setBundleId(@Nullable String bundleId) {
			this.bundleId = bundleId;
		}

		public @Nullable String getManifestPath() {
			return this.manifestPath;
		}

		public void setManifestPath(@Nullable String manifestPath) {
			this.manifestPath = manifestPath;
		}

		public @Nullable String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable String endpoint) {
			this.endpoint = endpoint;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public List<String> getAllowedApps() {
			return this.allowedApps;
		}

		public void setAllowedApps(List<String> allowedApps) {
			this.allowedApps = allowedApps;
		}

		public boolean isAutoLaunch() {
			return this.autoLaunch;
		}

		public void setAutoLaunch(boolean autoLaunch) {
			this.autoLaunch = autoLaunch;
		}

		public Duration getLaunchTimeoutMs() {
			return this.launchTimeoutMs;
		}

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

		public String getAppName() {
			return this.appName;
		}

		public void setAppName(String appName) {
			this.appName = appName;
		}

		public String getBundleId() {
			return this.bundleId;
		}

		public void setBundleId(String bundleId) {
			this.bundleId = bundleId;
		}

		public String getAppControlTool() {
			return this.appControlTool;
		}

		public void setAppControlTool(String appControlTool) {
			this.appControlTool = appControlTool;
		}

		public List<String> getSearchHotkey() {
			return this.searchHotkey;
		}

		public void setSearchHotkey(List<String> searchHotkey) {
			this.searchHotkey = searchHotkey;
		}

		public List<String> getSearchClearHotkey() {
			return this.searchClearHotkey;
		}

		public void setSearchClearHotkey(List<String> searchClearHotkey) {
			this.searchClearHotkey = searchClearHotkey;
		}

		public String getClearKey() {
			return this.clearKey;
		}

		public void setClearKey(String clearKey) {
			this.clearKey = clearKey;
		}

		public String getSubmitKey() {
			return this.submitKey;
		}

		public void setSubmitKey(String submitKey) {
			this.submitKey = submitKey;
		}

		public int getMaxMessageChars() {
			return this.maxMessageChars;
		}

		public void setMaxMessageChars(int maxMessageChars) {
			this.maxMessageChars = maxMessageChars;
		}

		public Duration getDefaultTimeoutMs() {
			return this.defaultTimeoutMs;
		}

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
		 * Shared secret every ServiceRequest envelope must carry. Required when the host
		 * is enabled.
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

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public DataSize getMaxRequestSize() {
			return this.maxRequestSize;
		}

		public void setMaxRequestSize(DataSize maxRequestSize) {
			this.maxRequestSize = maxRequestSize;
		}

		public Duration getCommandTimeout() {
			return this.commandTimeout;
		}

		public void setCommandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
		}

		public Duration getResultTtl() {
			return this.resultTtl;
		}

		public void setResultTtl(Duration resultTtl) {
			this.resultTtl = resultTtl;
		}

		public int getMaxStoredResults() {
			return this.maxStoredResults;
		}

		public void setMaxStoredResults(int maxStoredResults) {
			this.maxStoredResults = maxStoredResults;
		}

		public @Nullable String getSocketPath() {
			return this.socketPath;
		}

		public void setSocketPath(@Nullable String socketPath) {
			this.socketPath = socketPath;
		}

		public Duration getSocketTimeout() {
			return this.socketTimeout;
		}

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
		 * Longest wait for one exchange with the remote host.
		 */
		private Duration timeout = HttpAppControlClient.DEFAULT_TIMEOUT;

		/**
		 * Longest wait for the connection to the remote host.
		 */
		private Duration connectTimeout = HttpAppControlClient.DEFAULT_CONNECT_TIMEOUT;

		public @Nullable URI getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable URI url) {
			this.url = url;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

	}

}
