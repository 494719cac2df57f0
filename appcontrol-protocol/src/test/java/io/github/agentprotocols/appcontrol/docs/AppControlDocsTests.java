package io.github.agentprotocols.appcontrol.docs;

import java.nio.file.Path;

import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
import io.github.agentprotocols.testsupport.CodeSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of docs/appcontrol.md is a copy of a tagged region of this package's
 * sources, which compile, and the examples do what the page says.
 */
class AppControlDocsTests {

	private static final Path PAGE = Path.of("../docs/appcontrol.md");

	@Test
	void everyJavaBlockOfThePageIsACopyOfACompiledSource() {
		assertThat(CodeSnippets.disagreements(PAGE, Path.of(""))).isEmpty();
	}

	@Test
	void quickStartRunsACommandOnAHostServedWithoutSpring(@TempDir Path directory) {
		Path socket = directory.resolve("service.sock");
		try (LocalServiceHost host = new LocalServiceHost(new DesktopToolConfiguration().desktopTool(), socket)) {
			ToolObservation observation = QuickStart.openTextEdit(socket);
			assertThat(observation.status()).isEqualTo(ToolStatus.OK);
			assertThat(observation.summary()).isEqualTo("Done: open_app");
		}
	}

	@Test
	void springApplicationRunsCommandsOnItsClientBean() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AppControlAutoConfiguration.class))
			.withUserConfiguration(DesktopToolConfiguration.class, DesktopCommands.class)
			.run((context) -> assertThat(context.getBean(DesktopCommands.class).openApp("TextEdit").status())
				.isEqualTo(ToolStatus.OK));
	}

}
