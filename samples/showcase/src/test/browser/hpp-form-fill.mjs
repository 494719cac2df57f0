// Usage: node hpp-form-fill.mjs <baseUrl> <screenshotPath>
// The HPP form-fill page of samples/hpp-form-fill as the showcase serves it, driven by that sample's scenario:
// the script plays the agent over HTTP, the fields appear live, and a field the user edited is kept.
import { fillForm } from '../../../../hpp-form-fill/src/test/browser/form-fill.mjs';
import { withPage } from './browser.mjs';

const [baseUrl, screenshot] = process.argv.slice(2);
await withPage(screenshot, async (page) => ({ sessionId: await fillForm(page, baseUrl, '/hpp-form-fill.html') }));
