package io.github.agentprotocols.appcontrol.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.agentprotocols.appcontrol.ToolObservation;
import io.github.agentprotocols.appcontrol.ToolStatus;
import io.github.agentprotocols.appcontrol.autoconfigure.AppControlAutoConfiguration;
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

	/**
	 * The line before a block: {@code <!-- code: path#tag -->}, relative to the module.
	 */
	private static final Pattern MARKER = Pattern.compile("^<!--\\s*code:\\s*([^#\\s]+)(?:#(\\S+))?\\s*-->$");

	@Test
	void everyJavaBlockOfThePageIsACopyOfACompiledSource() throws IOException {
		assertThat(disagreements(PAGE, Path.of(""))).isEmpty();
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

	// Same rules as the test-support module's CodeSnippets: a ```java block follows a
	// marker and equals the tagged region of its source, outdented.
	private static List<String> disagreements(Path page, Path module) throws IOException {
		List<String> lines = Files.readAllLines(page);
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).strip().equals("```java")) {
				continue;
			}
			int end = i + 1;
			while (!lines.get(end).strip().equals("```")) {
				end++;
			}
			Matcher marker = MARKER.matcher((i > 0) ? lines.get(i - 1).strip() : "");
			if (!marker.matches()) {
				problems.add("line " + (i + 1) + ": a java block without a <!-- code: --> marker");
			}
			else if (!region(Files.readAllLines(module.resolve(marker.group(1))), marker.group(2))
				.equals(lines.subList(i + 1, end))) {
				problems.add("line " + (i + 1) + ": differs from " + marker.group(1) + "#" + marker.group(2));
			}
			i = end;
		}
		return problems;
	}

	private static List<String> region(List<String> source, String tag) {
		int start = source.indexOf(source.stream()
			.filter((line) -> line.strip().equals("// tag::" + tag + "[]"))
			.findFirst()
			.orElseThrow()) + 1;
		int end = start;
		while (!source.get(end).strip().equals("// end::" + tag + "[]")) {
			end++;
		}
		List<String> region = source.subList(start, end);
		int indent = region.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		return region.stream().map((line) -> line.isBlank() ? "" : line.substring(indent)).toList();
	}

}
