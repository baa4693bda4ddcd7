// The notices pages, loaded on first use (their own chunk, with their own sv/en words): most
// people never open them, and the first page every person loads stays small.
export { NoticeDraftPage } from './NoticeDraftPage.js';
export { NoticePage } from './NoticePage.js';
export { NoticesPage } from './NoticesPage.js';
