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

package io.github.agentprotocols.appcontrol.service;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The socket file of a Unix-domain-socket server: readable and writable by its owner
 * only, a stale one (left by a process that died) replaced, removed when the server
 * stops.
 */
final class UnixSocketFiles {

	private static final int FILE_TYPE_MASK = 0170000;

	private static final int SOCKET_TYPE = 0140000;

	private UnixSocketFiles() {
	}

	/**
	 * Makes way for a new socket file: creates the missing parent directories and deletes
	 * a socket file nothing listens on.
	 * @param path the socket file
	 * @throws IOException if the path is something else than a socket, or a process
	 * listens on it
	 */
	static void clearStale(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			Path parent = path.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			return;
		}
		if (!isSocket(path)) {
			throw new FileAlreadyExistsException(path.toString(), null, "exists and is not a socket");
		}
		try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			probe.connect(UnixDomainSocketAddress.of(path));
		}
		catch (ConnectException ex) {
			Files.deleteIfExists(path);
			return;
		}
		throw new FileAlreadyExistsException(path.toString(), null, "another process listens on this socket");
	}

	/**
	 * Gives the socket file mode 0600.
	 * @param path the socket file, just bound
	 * @return the file's key, to recognize it when it is removed
	 * @throws IOException if the mode cannot be set
	 */
	static @Nullable Object restrictToOwner(Path path) throws IOException {
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
	}

	/**
	 * Removes the socket file, unless it has been replaced by another one since.
	 * @param path the socket file
	 * @param fileKey the key of the file the server created, or null to remove any
	 */
	static void deleteIfSame(Path path, @Nullable Object fileKey) {
		try {
			if (fileKey == null || Objects.equals(fileKey,
					Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// already gone, or not ours to remove
		}
	}

	private static boolean isSocket(Path path) throws IOException {
		try {
			int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
			return (mode & FILE_TYPE_MASK) == SOCKET_TYPE;
		}
		catch (UnsupportedOperationException | IllegalArgumentException ex) {
			return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
		}
	}

}
