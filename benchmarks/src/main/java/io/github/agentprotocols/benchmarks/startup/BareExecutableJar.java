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
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.springframework.boot.loader.tools.Library;
import org.springframework.boot.loader.tools.LibraryScope;
import org.springframework.boot.loader.tools.Repackager;

/**
 * The bare application ({@link BareWebFluxApplication}) as an executable jar, made as
 * Spring Boot's Maven plugin makes the showcase's: the class path's directories become
 * the application's classes, its jars nested libraries. It lets {@link StartupFootprint}
 * compare {@code java -jar} with {@code java -jar}.
 */
final class BareExecutableJar {

	private BareExecutableJar() {
	}

	/**
	 * Make the jar.
	 * @param classPath the bare application's class path
	 * @param destination the jar to write
	 * @return {@code destination}
	 * @throws IOException if a file cannot be read or written
	 */
	static Path create(String classPath, Path destination) throws IOException {
		List<Path> directories = new ArrayList<>();
		List<File> jars = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			Path path = Path.of(entry);
			if (Files.isDirectory(path)) {
				directories.add(path);
			}
			else if (Files.isRegularFile(path)) {
				jars.add(path.toFile());
			}
		}
		Path classes = destination.resolveSibling("bare-classes.jar");
		writeClasses(directories, classes);
		Repackager repackager = new Repackager(classes.toFile());
		repackager.setMainClass(BareWebFluxApplication.class.getName());
		repackager.repackage(destination.toFile(), (callback) -> {
			for (File jar : jars) {
				callback.library(new Library(jar, LibraryScope.RUNTIME));
			}
		});
		return destination;
	}

	private static void writeClasses(List<Path> directories, Path jar) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest)) {
			for (Path directory : directories) {
				try (Stream<Path> files = Files.walk(directory)) {
					for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
						out.putNextEntry(
								new JarEntry(directory.relativize(path).toString().replace(File.separatorChar, '/')));
						Files.copy(path, out);
						out.closeEntry();
					}
				}
			}
		}
	}

}
