// Usage: node lime-login.mjs <baseUrl> <agentId> <screenshotPath>
// The LIME login page of samples/lime-login as the showcase serves it, driven by that sample's scenario: the test
// kit's agent approves on the in-process fake LIME API and the page shows it logged in. An empty agentId (the
// showcase run as a process of its own, whose fake's agent the test does not know) stands for the agent that LIME
// names in its answer to the approval.
import { logIn } from '../../../../lime-login/src/test/browser/lime-login.mjs';
import { withPage } from './browser.mjs';

const [baseUrl, agentId, screenshot] = process.argv.slice(2);
await withPage(screenshot, async (page) => ({ requestId: await logIn(page, baseUrl, '/lime-login.html', 'approve', agentId) }));
