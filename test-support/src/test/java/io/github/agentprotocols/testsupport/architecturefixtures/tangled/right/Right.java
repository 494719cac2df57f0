package io.github.agentprotocols.testsupport.architecturefixtures.tangled.right;

import io.github.agentprotocols.testsupport.architecturefixtures.tangled.left.Left;

public class Right {

	Left left() {
		return new Left();
	}

}
