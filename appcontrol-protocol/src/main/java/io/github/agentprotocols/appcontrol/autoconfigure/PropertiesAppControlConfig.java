package io.github.agentprotocols.appcontrol.autoconfigure;

import java.time.Duration;
import java.util.Locale;

import io.github.agentprotocols.appcontrol.config.AppControlConfig;
import io.github.agentprotocols.appcontrol.config.AppControlConfigException;
import io.github.agentprotocols.appcontrol.config.ComputerUseConfig;
import io.github.agentprotocols.appcontrol.config.HelperConfig;
import io.github.agentprotocols.appcontrol.config.LoggingConfig;
import io.github.agentprotocols.appcontrol.config.WeChatConfig;

/**
 * Adapts {@link AppControlProperties} to the {@link AppControlConfig} the protocol's
 * classes use: enumerations become their lower-case configuration strings, durations
 * whole milliseconds, and every value passes the configuration's own checks.
 */
final class PropertiesAppControlConfig {

	private final AppControlProperties properties;

	PropertiesAppControlConfig(AppControlProperties properties) {
		this.properties = properties;
	}

	/**
	 * The validated configuration the properties describe.
	 * @return the configuration
	 * @throws AppControlConfigException if a value is invalid
	 */
	AppControlConfig getConfig() {
		return new AppControlConfig(logging(this.properties.getLogging()),
				computerUse(this.properties.getComputerUse()), helper(this.properties.getHelper()),
				wechat(this.properties.getWechat()));
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
