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
