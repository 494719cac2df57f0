package io.github.agentprotocols.benchmarks.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The raw baseline application: only {@link BaselineRoutes}, with every protocol starter
 * switched off.
 */
@SpringBootApplication
@Import(BaselineRoutes.class)
public class BaselineApplication {

	/** Path of the JSON endpoint. */
	public static final String JSON_PATH = BaselineRoutes.JSON_PATH;

	/** Path of the WebSocket echo endpoint. */
	public static final String ECHO_PATH = BaselineRoutes.ECHO_PATH;

	/**
	 * Start the baseline on a free port, quietly.
	 * @return the running application
	 */
	public static Running start() {
		return Running.start(BaselineApplication.class, "hpp.enabled=false", "app-control.enabled=false",
				"lime.enabled=false", "acp.enabled=false", "happy.enabled=false");
	}

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	/**
	 * A started benchmark application.
	 *
	 * @param context the application context
	 */
	public record Running(ConfigurableApplicationContext context) implements AutoCloseable {

		/**
		 * Start an application on a free loopback port, quietly.
		 * @param application the application class
		 * @param properties extra {@code key=value} properties
		 * @return the running application
		 */
		public static Running start(Class<?> application, String... properties) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
				.web(WebApplicationType.REACTIVE)
				.logStartupInfo(false)
				.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
						"logging.level.root=warn")
				.properties(properties)
				.run();
			return new Running(context);
		}

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
