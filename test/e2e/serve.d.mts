export interface StartedServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(options?: {
  root?: string;
  port?: number;
  host?: string;
}): Promise<StartedServer>;

export function securityHeaders(pagePolicy: string | undefined): Record<string, string>;
