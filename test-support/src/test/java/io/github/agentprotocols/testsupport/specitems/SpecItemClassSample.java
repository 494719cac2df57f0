package io.github.agentprotocols.testsupport.specitems;

import io.github.agentprotocols.testsupport.SpecItem;

@SpecItem("X-1.3")
class SpecItemClassSample {

}
