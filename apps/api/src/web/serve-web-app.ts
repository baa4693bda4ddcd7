import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { findProjectRoot } from '../../../../libs/rendering/src/project-root.js';

/** Where `npm run build` puts the web app (Vite's output). */
export const defaultWebRoot = () => join(findProjectRoot(), 'dist', 'web');

/**
 * The web app's pages may load and run only what this server sends: no inline script, no other
 * origin, no plug-ins; the filing preview is the only thing they frame, and nothing frames them.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the server answers itself; everything else under GET is a page of the web app. */
const SERVER_PATHS = /^\/(api|health|dev|public)(\/|$)/;

/**
 * Serves the single-page app at `/`: content-hashed files under /assets are cached for a year,
 * every other GET that asks for a page gets index.html, never cached, so a new build is seen at once.
 */
export function serveWebApp(app: NestExpressApplication, webRoot: string, log: Logger): void {
  const indexHtml = join(webRoot, 'index.html');
  if (!existsSync(indexHtml)) {
    log.warn({ webRoot }, 'the web app is not built (npm run build); / answers 404');
    return;
  }
  app.use('/assets', express.static(join(webRoot, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path)) return next();
    if (request.path !== '/' && /\.[a-z0-9]+$/i.test(request.path)) return serveRootFile(webRoot, request, response, next);
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Content-Security-Policy', WEB_APP_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.sendFile(indexHtml);
  });
}

/** Files beside index.html (the icon): served as they are, cached for a day; a missing one is a 404. */
function serveRootFile(webRoot: string, request: Request, response: Response, next: NextFunction): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.sendFile(request.path, { root: webRoot, maxAge: '1d', dotfiles: 'deny' }, (error) => {
    if (error) next();
  });
}
