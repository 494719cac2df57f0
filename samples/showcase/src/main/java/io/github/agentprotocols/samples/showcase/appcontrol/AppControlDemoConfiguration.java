package io.github.agentprotocols.samples.showcase.appcontrol;

import java.time.Duration;

import io.github.agentprotocols.appcontrol.client.AppControlClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The showcase's {@link AppControlClient}: the {@link DemoDesktopClient}, which the local
 * service host ({@code app-control.service.enabled=true}) runs the commands it is sent
 * on. {@code showcase.app-control.event-interval} (100 ms by default) paces its events.
 */
@Configuration(proxyBeanMethods = false)
class AppControlDemoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AppControlClient.class)
	DemoDesktopClient demoDesktopClient(@Value("${showcase.app-control.event-interval:100ms}") Duration eventInterval) {
		return new DemoDesktopClient(eventInterval);
	}

}
