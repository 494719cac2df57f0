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

package io.github.agentprotocols.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock on a shared test server held across the build's JVMs (a file lock in
 * {@code java.io.tmpdir}): tests of several modules run at once and must not fail the
 * same server over together.
 */
final class BuildLock {

	private BuildLock() {
	}

	/**
	 * Holds the lock of a server until closed, waiting for any other holder to close it.
	 * @param kind the kind of server, such as {@code redis-cluster}
	 * @param nodes the server's nodes as {@code host:port}
	 * @return the hold, to close when done
	 */
	static AutoCloseable hold(String kind, Iterable<String> nodes) {
		Path file = Path.of(System.getProperty("java.io.tmpdir"),
				"agentprotocols-" + kind + "-" + String.join("_", nodes).replace(':', '-') + ".lock");
		try {
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.lock();
			return () -> {
				lock.release();
				channel.close();
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock " + file, ex);
		}
	}

}
