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

package io.github.agentprotocols.acp.ai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;

/**
 * Tools that know the time and the weather of every city but Atlantis, and keeps the
 * cities it was asked for and the ACP contexts it was called in.
 */
public class WeatherTools {

	final List<String> cities = new CopyOnWriteArrayList<>();

	final List<AcpToolContext> contexts = new CopyOnWriteArrayList<>();

	@Tool(description = "The weather in a city")
	public String weather(String city, ToolContext context) {
		this.contexts.add(AcpToolContext.from(context));
		if (city.equals("Atlantis")) {
			throw new IllegalArgumentException("no such city: " + city);
		}
		this.cities.add(city);
		return "sunny in " + city;
	}

	@Tool(description = "The time, told to the user as it is", returnDirect = true)
	public String time() {
		return "noon";
	}

}
