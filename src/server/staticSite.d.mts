import type { IncomingMessage, ServerResponse } from 'node:http';

export function securityHeaders(pagePolicy: string | undefined): Record<string, string>;

export function staticSite(
  root: string,
  options?: { headExtra?: string },
): Promise<{
  headers: Record<string, string>;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}>;
