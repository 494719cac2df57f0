package io.github.agentprotocols.testsupport.architecturefixtures.tangled.left;

import io.github.agentprotocols.testsupport.architecturefixtures.tangled.right.Right;

public class Left {

	Right right() {
		return new Right();
	}

}
