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
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import io.github.agentprotocols.appcontrol.AppControlMetrics;
import io.github.agentprotocols.appcontrol.HelperRequest;
import io.github.agentprotocols.appcontrol.client.AbstractServiceHostClient;
import io.github.agentprotocols.appcontrol.client.AppControlClient;
import io.github.agentprotocols.appcontrol.client.HelperAppControlClient;
import io.github.agentprotocols.appcontrol.client.HelperTransport;
import io.github.agentprotocols.appcontrol.client.HttpAppControlClient;
import io.github.agentprotocols.appcontrol.client.UnixSocketAppControlClient;
import io.github.agentprotocols.appcontrol.client.UnixSocketHelperTransport;
import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.config.AppControlConfigException;
import io.github.agentprotocols.appcontrol.config.ComputerUseConfig;
import io.github.agentprotocols.appcontrol.config.HelperConfig;
import io.github.agentprotocols.appcontrol.config.LoggingConfig;
import io.github.agentprotocols.appcontrol.config.WeChatConfig;
import io.github.agentprotocols.appcontrol.schema.ProtocolSchemas;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHandler;
import io.github.agentprotocols.appcontrol.service.AppControlServiceHost;
import io.github.agentprotocols.appcontrol.service.ClientThrottle;
import io.github.agentprotocols.appcontrol.service.UnixSocketServiceServer;
import io.github.agentprotocols.appcontrol.unix.SocketPaths;
import io.github.agentprotocols.commons.diagnostics.MissingProtocolPropertyException;
import io.github.agentprotocols.commons.diagnostics.ProtocolProperty;
import io.github.agentprotocols.commons.http.HttpClientDefaults;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslOptions;

/**
 * Every mapping from {@link AppControlProperties} to the protocol's classes: the
 * validated {@link AppControlConfig} (enumerations become their lower-case configuration
 * strings, durations whole milliseconds), the clients, the service host and its two
 * transports.
 */
final class AppControlPropertiesMapper {

	private static final ProtocolProperty REMOTE_TOKEN = new ProtocolProperty("app-control.remote.token",
			"APP_CONTROL_REMOTE_TOKEN", "the token every request to the remote service host carries");

	private static final ProtocolProperty HELPER_ENDPOINT = new ProtocolProperty("app-control.helper.endpoint",
			"APP_CONTROL_HELPER_ENDPOINT",
			"the helper's Unix socket, which app-control.computer-use.backend=helper sends commands to");

	private static final ProtocolProperty HELPER_TOKEN = new ProtocolProperty("app-control.helper.token",
			"APP_CONTROL_HELPER_TOKEN", "the token every request to the desktop helper carries");

	private static final ProtocolProperty SERVICE_TOKEN = new ProtocolProperty("app-control.service.token",
			"APP_CONTROL_SERVICE_TOKEN",
			"the shared secret every ServiceRequest sent to the local service host must carry");

	private final AppControlProperties properties;

	AppControlPropertiesMapper(AppControlProperties properties) {
		this.properties = properties;
	}

	/**
	 * The validated configuration the properties describe.
	 * @return the configuration
	 * @throws AppControlConfigException if a value is invalid
	 */
	AppControlConfig config() {
		return new AppControlConfig(logging(this.properties.getLogging()),
				computerUse(this.properties.getComputerUse()), helper(this.properties.getHelper()),
				wechat(this.properties.getWechat()));
	}

	/**
	 * The client of the remote service host at {@code app-control.remote.url}: over its
	 * Unix socket for a {@code unix:} URL, otherwise over HTTP.
	 */
	AbstractServiceHostClient remoteClient(ProtocolSchemas schemas) {
		return remoteClient(schemas, null, HttpClientDefaults.NONE, (builder) -> {
		});
	}

	/**
	 * The client of the remote service host at {@code app-control.remote.url}, an HTTP
	 * one through the SSL bundle of {@code app-control.remote.ssl.bundle}, if any, built
	 * after {@code customize} has changed its builder. What {@code app-control.remote.*}
	 * leaves unset of an HTTP client's timeouts and SSL bundle comes from Spring Boot's
	 * HTTP client settings.
	 */
	AbstractServiceHostClient remoteClient(ProtocolSchemas schemas, @Nullable SslBundle sslBundle,
			HttpClientDefaults boot, Consumer<HttpAppControlClient.Builder> customize) {
		AppControlProperties.Remote remote = this.properties.getRemote();
		URI url = remote.getUrl();
		String token = REMOTE_TOKEN.resolved(remote.getToken());
		if ("unix".equalsIgnoreCase(url.getScheme())) {
			String path = (url.getPath() != null && !url.getPath().isEmpty()) ? url.getPath()
					: url.getSchemeSpecificPart();
			return new UnixSocketAppControlClient(SocketPaths.of(path), token,
					HttpClientDefaults.first(remote.getTimeout(), null, HttpAppControlClient.DEFAULT_TIMEOUT), schemas);
		}
		HttpAppControlClient.Builder builder = HttpAppControlClient.builder(url)
			.token(token)
			.timeout(HttpClientDefaults.first(remote.getTimeout(), boot.readTimeout(),
					HttpAppControlClient.DEFAULT_TIMEOUT))
			.connectTimeout(HttpClientDefaults.first(remote.getConnectTimeout(), boot.connectTimeout(),
					HttpAppControlClient.DEFAULT_CONNECT_TIMEOUT))
			.schemas(schemas);
		SslBundle bundle = (sslBundle != null) ? sslBundle : boot.sslBundle();
		if (bundle != null) {
			ssl(builder, bundle);
		}
		customize.accept(builder);
		return builder.build();
	}

	/**
	 * The bundle's SSL context, and its protocols and cipher suites if it names any.
	 */
	private static void ssl(HttpAppControlClient.Builder builder, SslBundle sslBundle) {
		SSLContext context = sslBundle.createSslContext();
		builder.sslContext(context);
		SslOptions options = sslBundle.getOptions();
		if (options.isSpecified()) {
			SSLParameters parameters = context.getDefaultSSLParameters();
			if (options.getEnabledProtocols() != null) {
				parameters.setProtocols(options.getEnabledProtocols());
			}
			if (options.getCiphers() != null) {
				parameters.setCipherSuites(options.getCiphers());
			}
			builder.sslParameters(parameters);
		}
	}

	/**
	 * The transport to the desktop helper that {@code config} names.
	 */
	static HelperTransport helperTransport(AppControlConfig config) {
		HelperConfig helper = config.helper();
		if (!HelperConfig.DEFAULTS.transport().equals(helper.transport())) {
			throw new AppControlConfigException("helper.transport", "unsupported helper transport: "
					+ helper.transport() + " (must be " + HelperConfig.DEFAULTS.transport() + ")");
		}
		return new UnixSocketHelperTransport(SocketPaths.of(HELPER_ENDPOINT.require(helper.endpoint())),
				Duration.ofMillis(config.computerUse().timeoutMs()));
	}

	/**
	 * The client that sends commands to the desktop helper over {@code transport}.
	 */
	static HelperAppControlClient helperClient(HelperTransport transport, AppControlConfig config,
			ProtocolSchemas schemas) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		if (config.helper().bundleId() != null) {
			metadata.put("bundleId", config.helper().bundleId());
		}
		metadata.put("apiVersion", HelperRequest.API_VERSION);
		return new HelperAppControlClient(transport, HELPER_TOKEN.resolved(config.helper().token()), metadata, schemas);
	}

	/**
	 * A builder of the local service host running commands on {@code client}.
	 * @throws MissingProtocolPropertyException if {@code app-control.service.token} is
	 * not set, or is still a placeholder
	 * @throws InvalidConfigurationPropertyValueException if the token is shorter than
	 * {@value AppControlServiceHost#MIN_TOKEN_LENGTH} characters
	 */
	AppControlServiceHost.Builder serviceHost(AppControlClient client, ProtocolSchemas schemas,
			AppControlMetrics metrics) {
		AppControlProperties.Service service = this.properties.getService();
		String secret = SERVICE_TOKEN.require(service.getToken());
		int length = secret.codePointCount(0, secret.length());
		if (length < AppControlServiceHost.MIN_TOKEN_LENGTH) {
			// the value is a secret, even a short one: the analysis shows its length only
			throw new InvalidConfigurationPropertyValueException("app-control.service.token", "******",
					"the token has " + length + " characters; it must have at least "
							+ AppControlServiceHost.MIN_TOKEN_LENGTH
							+ " (set by APP_CONTROL_SERVICE_TOKEN too), random ones such as the output of "
							+ "'openssl rand -base64 32'");
		}
		return AppControlServiceHost.builder(client, secret)
			.schemas(schemas)
			.commandTimeout(service.getCommandTimeout())
			.resultTtl(service.getResultTtl())
			.maxStoredResults(service.getMaxStoredResults())
			.metrics(metrics);
	}

	/**
	 * The count of each client's missing or wrong tokens, which the host's HTTP route and
	 * any other HTTP front of the host share.
	 * @throws InvalidConfigurationPropertyValueException if a limit of the wrong-token
	 * throttle is out of range
	 */
	ClientThrottle failedTokens(Clock clock) {
		AppControlProperties.Service service = this.properties.getService();
		if (service.getMaxFailedTokensPerMinute() < 0) {
			throw new InvalidConfigurationPropertyValueException("app-control.service.max-failed-tokens-per-minute",
					service.getMaxFailedTokensPerMinute(), "must not be negative (0 turns the throttle off)");
		}
		if (service.getMaxTrackedClients() < 1) {
			throw new InvalidConfigurationPropertyValueException("app-control.service.max-tracked-clients",
					service.getMaxTrackedClients(), "must be positive");
		}
		return new ClientThrottle(service.getMaxFailedTokensPerMinute(), service.getMaxTrackedClients(), clock);
	}

	/**
	 * The HTTP face of {@code host}.
	 */
	AppControlServiceHandler serviceHandler(AppControlServiceHost host, ClientThrottle failedTokens) {
		return new AppControlServiceHandler(host, maxRequestBytes(), this.properties.getService().isAllowRemote(),
				failedTokens);
	}

	/**
	 * The path the HTTP face of the host answers on.
	 */
	String servicePath() {
		return this.properties.getService().getPath();
	}

	/**
	 * The Unix-domain-socket face of {@code host}, at
	 * {@code app-control.service.socket-path}.
	 */
	UnixSocketServiceServer unixSocketServer(AppControlServiceHost host) {
		AppControlProperties.Service service = this.properties.getService();
		return new UnixSocketServiceServer(host, SocketPaths.of(service.getSocketPath().strip()), maxRequestBytes(),
				service.getSocketTimeout());
	}

	private int maxRequestBytes() {
		return (int) Math.min(Integer.MAX_VALUE, this.properties.getService().getMaxRequestSize().toBytes());
	}

	private static LoggingConfig logging(AppControlProperties.Logging logging) {
		return new LoggingConfig(text(logging.getLevel()), logging.isRedactText(), logging.isJson(),
				text(logging.getEventSink()));
	}

	private static ComputerUseConfig computerUse(AppControlProperties.ComputerUse computerUse) {
		return new ComputerUseConfig(computerUse.getBackend(), computerUse.getAllowedApps(),
				computerUse.getAllowedAppBundleIds(), computerUse.isAllowCoordinateClick(),
				computerUse.isScreenRecordingRequired(), millis(computerUse.getTimeoutMs(), "computer_use.timeout_ms"));
	}

	private static HelperConfig helper(AppControlProperties.Helper helper) {
		return new HelperConfig(helper.getTransport(), helper.getHelperAppPath(), helper.getBundleId(),
				helper.getManifestPath(), helper.getEndpoint(), helper.getToken(), helper.getAllowedApps(),
				helper.isAutoLaunch(), millis(helper.getLaunchTimeoutMs(), "helper.launch_timeout_ms"));
	}

	private static WeChatConfig wechat(AppControlProperties.Wechat wechat) {
		return new WeChatConfig(wechat.getAppName(), wechat.getBundleId(), wechat.getAppControlTool(),
				wechat.getSearchHotkey(), wechat.getSearchClearHotkey(), wechat.getClearKey(), wechat.getSubmitKey(),
				wechat.getMaxMessageChars(), millis(wechat.getDefaultTimeoutMs(), "wechat.default_timeout_ms"));
	}

	private static String text(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT);
	}

	private static int millis(Duration duration, String key) {
		try {
			return Math.toIntExact(duration.toMillis());
		}
		catch (ArithmeticException ex) {
			throw new AppControlConfigException(key, key + " is out of range");
		}
	}

}
