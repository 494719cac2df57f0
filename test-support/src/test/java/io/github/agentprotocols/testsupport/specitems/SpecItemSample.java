package io.github.agentprotocols.testsupport.specitems;

import io.github.agentprotocols.testsupport.SpecItem;

class SpecItemSample {

	@SpecItem("X-1.1")
	void first() {
	}

	@SpecItem("X-1.1")
	@SpecItem("X-1.2")
	void second() {
	}

	void nothing() {
	}

}
