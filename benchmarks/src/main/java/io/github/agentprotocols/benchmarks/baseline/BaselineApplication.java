package io.github.agentprotocols.benchmarks.baseline;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;

/**
 * The raw baseline: a bare WebFlux application with a JSON endpoint ({@value #JSON_PATH})
 * and a WebSocket echo ({@value #ECHO_PATH}), with nothing of ours in between. Protocol
 * figures are reported as ratios to it.
 */
@SpringBootApplication
public class BaselineApplication {

	/** Path of the JSON endpoint. */
	public static final String JSON_PATH = "/baseline";

	/** Path of the WebSocket echo endpoint. */
	public static final String ECHO_PATH = "/baseline/ws";

	/**
	 * Start the baseline on a free port, quietly.
	 * @return the running application
	 */
	public static Running start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BaselineApplication.class)
			.web(WebApplicationType.REACTIVE)
			.logStartupInfo(false)
			.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=warn")
			.run();
		return new Running(context);
	}

	@Bean
	RouterFunction<ServerResponse> baselineRoute() {
		Map<String, Object> body = Map.of("status", "ok", "value", 42);
		return RouterFunctions.route().GET(JSON_PATH, (request) -> ServerResponse.ok().bodyValue(body)).build();
	}

	@Bean
	HandlerMapping echoMapping() {
		WebSocketHandler echo = (session) -> session
			.send(session.receive().map((message) -> session.textMessage(message.getPayloadAsText())));
		return new SimpleUrlHandlerMapping(Map.of(ECHO_PATH, echo), -1);
	}

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	/**
	 * A started baseline application.
	 *
	 * @param context the application context
	 */
	public record Running(ConfigurableApplicationContext context) implements AutoCloseable {

		/**
		 * The port the server listens on.
		 * @return the port
		 */
		public int port() {
			return ((WebServerApplicationContext) this.context).getWebServer().getPort();
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
