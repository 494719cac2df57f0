package io.github.agentprotocols.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BareExecutableJarTests {

	@Test
	void directoriesBecomeTheClassesAndJarsTheNestedLibraries(@TempDir Path work) throws IOException {
		Path classes = Files.createDirectories(work.resolve("classes/io/example"));
		Files.write(classes.resolve("App.class"), new byte[] { 1, 2, 3 });
		Path library = work.resolve("library.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
		try (OutputStream file = Files.newOutputStream(library);
				JarOutputStream out = new JarOutputStream(file, manifest)) {
			// an empty library
		}
		Path jar = BareExecutableJar.create(work.resolve("classes") + File.pathSeparator + library + File.pathSeparator
				+ work.resolve("missing.jar"), work.resolve("bare.jar"));
		try (JarFile executable = new JarFile(jar.toFile())) {
			assertThat(executable.getManifest().getMainAttributes().getValue("Start-Class"))
				.isEqualTo(BareWebFluxApplication.class.getName());
			assertThat(executable.getManifest().getMainAttributes().getValue("Main-Class"))
				.startsWith("org.springframework.boot.loader.launch.");
			assertThat(executable.getEntry("BOOT-INF/classes/io/example/App.class")).isNotNull();
			assertThat(executable.getEntry("BOOT-INF/lib/library.jar")).isNotNull();
		}
	}

}
