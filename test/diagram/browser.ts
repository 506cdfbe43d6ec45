/** The diagram tests' Chromium: test/support/browser.ts (shared with the serve console tests and the bench). */
export { ARTIFACTS, artifactPath, chromiumPath, launchBrowser, type OpenBrowser, sharedBrowser, SKIP_MESSAGE } from '../support/browser';
