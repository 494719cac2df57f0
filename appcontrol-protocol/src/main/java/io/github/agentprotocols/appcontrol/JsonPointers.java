package io.github.agentprotocols.appcontrol;

/**
 * Conversions between RFC 6901 JSON pointers and the upstream {@code $.a[0].b} path
 * notation.
 */
public final class JsonPointers {

	private JsonPointers() {
	}

	/**
	 * Appends a property name or array index to a pointer.
	 * @param pointer the parent pointer
	 * @param token the property name or index
	 * @return the child pointer
	 */
	public static String child(String pointer, Object token) {
		return pointer + "/" + token.toString().replace("~", "~0").replace("/", "~1");
	}

	/**
	 * Renders a pointer in the upstream path notation: {@code $} for the root,
	 * {@code .key} for properties and {@code [i]} for array indices.
	 * @param pointer the pointer
	 * @return the path
	 */
	public static String toPath(String pointer) {
		StringBuilder path = new StringBuilder("$");
		if (pointer.isEmpty()) {
			return path.toString();
		}
		for (String token : pointer.substring(1).split("/", -1)) {
			String name = token.replace("~1", "/").replace("~0", "~");
			if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
				path.append('[').append(name).append(']');
			}
			else {
				path.append('.').append(name);
			}
		}
		return path.toString();
	}

}
