package io.github.agentprotocols.appcontrol.docs;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;

import io.github.agentprotocols.appcontrol.autoconfigure.AppControlServiceHostBuilderCustomizer;
import io.github.agentprotocols.appcontrol.autoconfigure.HttpAppControlClientBuilderCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The example of docs/appcontrol.md that changes one option of each auto-configured
 * builder and keeps the rest.
 */
// tag::builder-customizers[]
@Configuration(proxyBeanMethods = false)
class CustomizedBuilders {

	@Bean
	AppControlServiceHostBuilderCustomizer longerCommands() {
		return (builder) -> builder.commandTimeout(Duration.ofMinutes(10));
	}

	@Bean
	HttpAppControlClientBuilderCustomizer throughTheProxy() {
		return (builder) -> builder.httpClient(
				HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("proxy.internal", 3128))).build());
	}

}
// end::builder-customizers[]
