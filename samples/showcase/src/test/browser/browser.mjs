// The showcase's browser scripts run their scenario through the samples' shared withPage, with this folder's
// playwright-core.
import { chromium } from 'playwright-core';
import { withPage as run } from '../../../../browser-test/with-page.mjs';

export function withPage(screenshot, scenario) {
	return run(chromium, screenshot, scenario);
}
