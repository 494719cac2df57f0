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

package io.github.agentprotocols.samples.acpchat;

import java.util.Map;

import org.springframework.ai.tool.annotation.Tool;

/**
 * The Spring AI assistant's tool: the weather of a few cities, canned.
 */
public class WeatherTools {

	private static final Map<String, Weather> CITIES = Map.of("Paris", new Weather("Paris", "sunny", 21), "London",
			new Weather("London", "rainy", 14), "Tokyo", new Weather("Tokyo", "cloudy", 18));

	/**
	 * The weather in a city.
	 * @param city the city's name
	 * @return its weather
	 * @throws IllegalArgumentException for a city the tool knows nothing about
	 */
	@Tool(description = "The current weather in a city: Paris, London or Tokyo")
	public Weather weather(String city) {
		Weather weather = CITIES.get(city);
		if (weather == null) {
			throw new IllegalArgumentException("no weather data for " + city + ": try Paris, London or Tokyo");
		}
		return weather;
	}

	/**
	 * The weather in a city.
	 *
	 * @param city the city's name
	 * @param sky the sky, such as {@code sunny}
	 * @param celsius the temperature in degrees Celsius
	 */
	public record Weather(String city, String sky, int celsius) {

	}

}
