// Usage: node spring-ai-chat.mjs <baseUrl> <screenshotPath>
// The ACP chat page of samples/acp-chat as the showcase serves it, with the Spring AI assistant on the scripted demo
// model, driven by that sample's scenario: a question about the weather, whose tool call, tool result and answer
// appear live, one after the other; then a city the tool does not know, whose error result and answer appear.
import { springAiChat } from '../../../../acp-chat/src/test/browser/spring-ai-chat.mjs';
import { withPage } from './browser.mjs';

const [baseUrl, screenshot] = process.argv.slice(2);
await withPage(screenshot, (page) => springAiChat(page, baseUrl, '/acp-chat.html'));
