// What the logs may show of a request. Secrets travel in cookies, headers and bodies (redacted by path, see
// REDACTED_PATHS in api/app.ts) and, for links that must work without a cookie, in the URL: the calendar feed
// token and token-like query parameters are masked here.
import type { FastifyRequest } from 'fastify';

export function redactUrl(url: string): string {
  return url
    .replace(/(\/feed\/)[^/?#]+/g, '$1[REDACTED]')
    .replace(/([?&](?:token|key|secret|password)=)[^&#]*/gi, '$1[REDACTED]');
}

export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
    };
  },
};
