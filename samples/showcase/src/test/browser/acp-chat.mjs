// Usage: node acp-chat.mjs <baseUrl> <screenshotPath>
// The ACP chat page of samples/acp-chat as the showcase serves it, driven by that sample's scenario: the demo
// assistant's events appear live, and after a reload the history is shown once and the chat goes on.
import { chat } from '../../../../acp-chat/src/test/browser/chat.mjs';
import { withPage } from './browser.mjs';

const [baseUrl, screenshot] = process.argv.slice(2);
await withPage(screenshot, (page) => chat(page, baseUrl, '/acp-chat.html', screenshot));
