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

package com.example.demo;

import java.util.List;

import io.github.agentprotocols.happy.Machine;
import io.github.agentprotocols.happy.ReactiveHappyClient;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MachinesController {

	private final ReactiveHappyClient happy;

	MachinesController(ReactiveHappyClient happy) {
		this.happy = happy;
	}

	@GetMapping("/machines")
	Mono<List<String>> machines() {
		// the machines of your account that run the Happy daemon
		return this.happy.listMachines().map((machines) -> machines.stream().map(Machine::id).toList());
	}

}
