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

package io.github.agentprotocols.acp;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A part of a message's content (spec §2.7), discriminated by {@code type}: text, an
 * image, audio or document by URL (the server never dereferences URLs), or a form.
 */
public sealed interface ContentPart {

	/**
	 * The discriminator on the wire.
	 * @return {@code text}, {@code image}, {@code audio}, {@code document} or
	 * {@code form}
	 */
	String type();

	/**
	 * A text part.
	 *
	 * @param text the text
	 */
	record Text(String text) implements ContentPart {

		/**
		 * Create a new {@code Text} part.
		 * @param text the text
		 */
		public Text {
			Objects.requireNonNull(text, "text");
		}

		@Override
		public String type() {
			return "text";
		}

	}

	/**
	 * An image by URL.
	 *
	 * @param url the URL, at least one character
	 * @param mime the media type, at least one character
	 * @param name the file name, if any
	 * @param size the size in bytes, if known, not negative
	 */
	record Image(String url, String mime, @Nullable String name, @Nullable Long size) implements ContentPart {

		/**
		 * Create a new {@code Image} part, checking its media fields.
		 * @param url the URL, at least one character
		 * @param mime the media type, at least one character
		 * @param name the file name, if any
		 * @param size the size in bytes, if known, not negative
		 */
		public Image {
			media(url, mime, size);
		}

		@Override
		public String type() {
			return "image";
		}

	}

	/**
	 * Audio by URL.
	 *
	 * @param url the URL, at least one character
	 * @param mime the media type, at least one character
	 * @param name the file name, if any
	 * @param size the size in bytes, if known, not negative
	 * @param durationMs the duration in milliseconds, if known, not negative
	 */
	record Audio(String url, String mime, @Nullable String name, @Nullable Long size,
			@Nullable Long durationMs) implements ContentPart {

		/**
		 * Create a new {@code Audio} part, checking its media fields and duration.
		 * @param url the URL, at least one character
		 * @param mime the media type, at least one character
		 * @param name the file name, if any
		 * @param size the size in bytes, if known, not negative
		 * @param durationMs the duration in milliseconds, if known, not negative
		 */
		public Audio {
			media(url, mime, size);
			AcpLimits.check(durationMs == null || durationMs >= 0, "duration_ms must not be negative");
		}

		@Override
		public String type() {
			return "audio";
		}

	}

	/**
	 * A document by URL.
	 *
	 * @param url the URL, at least one character
	 * @param mime the media type, at least one character
	 * @param name the file name, if any
	 * @param size the size in bytes, if known, not negative
	 */
	record Document(String url, String mime, @Nullable String name, @Nullable Long size) implements ContentPart {

		/**
		 * Create a new {@code Document} part, checking its media fields.
		 * @param url the URL, at least one character
		 * @param mime the media type, at least one character
		 * @param name the file name, if any
		 * @param size the size in bytes, if known, not negative
		 */
		public Document {
			media(url, mime, size);
		}

		@Override
		public String type() {
			return "document";
		}

	}

	/**
	 * A form described by a JSON Schema, which the server does not validate.
	 *
	 * @param formId the form id, at least one character
	 * @param schema the JSON Schema (key {@code schema} on the wire)
	 * @param status the form's status
	 * @param values the submitted values, if any
	 * @param answersEventId the event that answered the form, if any
	 * @param title the title, if any
	 * @param description the description, if any
	 */
	record Form(String formId, Map<String, Object> schema, FormStatus status, @Nullable Map<String, Object> values,
			@Nullable String answersEventId, @Nullable String title,
			@Nullable String description) implements ContentPart {

		/**
		 * Create a new {@code Form} part, checking its form id and schema.
		 * @param formId the form id, at least one character
		 * @param schema the JSON Schema (key {@code schema} on the wire)
		 * @param status the form's status
		 * @param values the submitted values, if any
		 * @param answersEventId the event that answered the form, if any
		 * @param title the title, if any
		 * @param description the description, if any
		 */
		public Form {
			AcpLimits.check(formId != null && !formId.isEmpty(), "form_id must have at least one character");
			Objects.requireNonNull(schema, "schema");
			schema = JsonValues.object(schema);
			Objects.requireNonNull(status, "status");
			values = (values != null) ? JsonValues.object(values) : null;
		}

		@Override
		public String type() {
			return "form";
		}

	}

	/**
	 * The status of a {@link Form}.
	 */
	enum FormStatus {

		/** Waiting for an answer. */
		PENDING,

		/** Answered. */
		SUBMITTED,

		/** Withdrawn. */
		CANCELLED;

		/**
		 * The status as written on the wire.
		 * @return for example {@code pending}
		 */
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * The status with the given wire name.
		 * @param wireName the name on the wire
		 * @return the status
		 * @throws AcpException {@code invalid_request} for an unknown status
		 */
		public static FormStatus fromWireName(String wireName) {
			return WireNames.find(values(), FormStatus::wireName, wireName, "form status");
		}

	}

	private static void media(@Nullable String url, @Nullable String mime, @Nullable Long size) {
		AcpLimits.check(url != null && !url.isEmpty(), "url must have at least one character");
		AcpLimits.check(mime != null && !mime.isEmpty(), "mime must have at least one character");
		AcpLimits.check(size == null || size >= 0, "size must not be negative");
	}

}
