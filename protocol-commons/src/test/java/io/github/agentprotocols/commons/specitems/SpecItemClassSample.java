package io.github.agentprotocols.commons.specitems;

import io.github.agentprotocols.commons.testsupport.SpecItem;

@SpecItem("X-1.3")
class SpecItemClassSample {

}
