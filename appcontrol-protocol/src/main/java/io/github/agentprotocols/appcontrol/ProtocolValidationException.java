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

package io.github.agentprotocols.appcontrol;

import org.jspecify.annotations.Nullable;

/**
 * A payload or model that breaks the app-control contract: a JSON Schema violation or a
 * model-construction invariant, or text that is not a JSON document. Carries the RFC 6901
 * pointer of the offending value, the failing keyword ({@code model} for construction
 * errors, {@code syntax} for malformed text, {@code depth} for nesting beyond
 * {@link AppControlJson#MAX_DEPTH}, {@code limit} for a number too long to read,
 * {@code unicode} for a lone surrogate) and, for schema violations, the schema name.
 */
public class ProtocolValidationException extends AppControlException {

	/** Keyword reported for model-construction errors. */
	public static final String MODEL = "model";

	/**
	 * Keyword reported for text that is not one JSON document: malformed, truncated,
	 * followed by more content, with a byte order mark, comments, {@code NaN} or a
	 * duplicate key.
	 */
	public static final String SYNTAX = "syntax";

	/**
	 * Keyword reported for values nested deeper than {@link AppControlJson#MAX_DEPTH}.
	 */
	public static final String DEPTH = "depth";

	/**
	 * Keyword reported for a number written with more than
	 * {@link AppControlJson#MAX_NUMBER_LENGTH} characters, and for an integer field
	 * beyond the {@code long} range.
	 */
	public static final String LIMIT = "limit";

	/**
	 * Keyword reported for a string or key that holds a lone UTF-16 surrogate (see
	 * {@link UnicodeText}).
	 */
	public static final String UNICODE = "unicode";

	/** The name of the schema that refused the value. */
	private final @Nullable String schemaName;

	/** The JSON pointer of the refused value. */
	private final String pointer;

	/** The keyword that refused the value. */
	private final String keyword;

	/**
	 * Create a new exception.
	 * @param schemaName the name of the schema, or {@code null} when no schema was
	 * involved
	 * @param pointer the JSON pointer of the refused value, such as {@code /commandId}
	 * @param keyword the schema keyword or one of this class's keywords
	 * @param message the message
	 */
	public ProtocolValidationException(@Nullable String schemaName, String pointer, String keyword, String message) {
		this(schemaName, pointer, keyword, message, null);
	}

	/**
	 * Create a new exception with a cause.
	 * @param schemaName the name of the schema, or {@code null} when no schema was
	 * involved
	 * @param pointer the JSON pointer of the refused value, such as {@code /commandId}
	 * @param keyword the schema keyword or one of this class's keywords
	 * @param message the message
	 * @param cause the failure behind it, or {@code null}
	 */
	public ProtocolValidationException(@Nullable String schemaName, String pointer, String keyword, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.schemaName = schemaName;
		this.pointer = pointer;
		this.keyword = keyword;
	}

	/**
	 * A model-construction error for the wire field at the given pointer.
	 * @param pointer the JSON pointer, such as {@code /commandId}
	 * @param message the upstream message
	 * @return the exception
	 */
	public static ProtocolValidationException model(String pointer, String message) {
		return new ProtocolValidationException(null, pointer, MODEL, message);
	}

	/**
	 * A value nested deeper than {@link AppControlJson#MAX_DEPTH}, or one that contains
	 * itself.
	 * @param schemaName the schema being validated, or null
	 * @param pointer the pointer of the container beyond the limit
	 * @return the exception, with keyword {@code depth}
	 */
	public static ProtocolValidationException tooDeep(@Nullable String schemaName, String pointer) {
		String path = JsonPointers.toPath(pointer);
		if (path.length() > 60) {
			path = path.substring(0, QuotedText.cutIndex(path, 60)) + "…";
		}
		return new ProtocolValidationException(schemaName, pointer, DEPTH,
				path + " is nested more than " + AppControlJson.MAX_DEPTH + " levels deep");
	}

	/**
	 * An integer field ({@code timeoutMs}, {@code seq}) beyond the {@code long} range,
	 * refused alike by the validators and the models.
	 * @param schemaName the schema being validated, or null
	 * @param pointer the pointer of the field, such as {@code /timeoutMs}
	 * @return the exception, with keyword {@code limit}
	 */
	public static ProtocolValidationException outOfRange(@Nullable String schemaName, String pointer) {
		String name = pointer.substring(pointer.lastIndexOf('/') + 1);
		return new ProtocolValidationException(schemaName, pointer, LIMIT,
				name + " is out of range: the most it can be is " + Long.MAX_VALUE);
	}

	/**
	 * The same failure, reported against a schema.
	 * @param schemaName the schema the payload was validated against
	 * @return the exception, with this one's cause
	 */
	public ProtocolValidationException forSchema(String schemaName) {
		return new ProtocolValidationException(schemaName, this.pointer, this.keyword, getMessage(), getCause());
	}

	/**
	 * Name of the violated schema, or null for model errors.
	 * @return the schema name
	 */
	public @Nullable String getSchemaName() {
		return this.schemaName;
	}

	/**
	 * JSON pointer of the offending value; for a missing property, the pointer of that
	 * property. The root is the empty string.
	 * @return the pointer
	 */
	public String getPointer() {
		return this.pointer;
	}

	/**
	 * The same location in the upstream path notation, such as {@code $.items[0]}.
	 * @return the path
	 */
	public String getPath() {
		return JsonPointers.toPath(this.pointer);
	}

	/**
	 * The failing JSON Schema keyword, or {@code model}, {@code syntax}, {@code depth},
	 * {@code limit} or {@code unicode}.
	 * @return the keyword
	 */
	public String getKeyword() {
		return this.keyword;
	}

}
