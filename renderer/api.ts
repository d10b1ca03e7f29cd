// The renderer's one way to the engine: the Electron bridge when present, else HTTP to `serve` with its token.
import { calls, type ApiCalls, type Channel, type Envelope, type EventName, type EventPayload, type FileRef, type Request, type Response } from '../shared/api/contract';
import type { TiecheckBridge } from '../shared/api/bridge';

export type Api = ApiCalls & {
  /** Hands a dropped or picked file to the engine and returns a reference the import calls take. */
  stageFile(file: File): Promise<FileRef>;
  /** The desktop app stages a dropped folder by its path; a browser can only upload files. */
  readonly stagesFolders: boolean;
};

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

declare global {
  interface Window {
    tiecheck?: TiecheckBridge;
  }
}

function unwrap<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
  return envelope.value as T;
}

/** The session token arrives once in the URL; keep it for this tab and take it out of the address bar. */
function sessionToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('tiecheck-token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem('tiecheck-token') ?? '';
}

function httpTransport() {
  const token = sessionToken();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of listeners.keys()) attach(name);
  };
  const attached = new Set<string>();
  const attach = (name: string) => {
    if (!source || attached.has(name)) return;
    attached.add(name);
    source.addEventListener(name, (e) => {
      const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
      for (const l of listeners.get(name) ?? []) l(payload);
    });
  };
  return {
    async invoke(channel: string, request: unknown): Promise<Envelope<unknown>> {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(request ?? {}),
      });
      if (res.status === 401) return { ok: false, error: { code: 'forbidden', message: 'This page has no valid session token: open the link that `tiecheck serve` printed.' } };
      return (await res.json()) as Envelope<unknown>;
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      connect();
      attach(event);
      return () => listeners.get(event)?.delete(listener);
    },
    async stageFile(file: File): Promise<string> {
      const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
        body: file,
      });
      return unwrap<{ fileRef: string }>((await res.json()) as Envelope<unknown>).fileRef;
    },
  } satisfies TiecheckBridge;
}

function createApi(): Api {
  const transport: TiecheckBridge = window.tiecheck ?? httpTransport();
  const api = {
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return transport.on(event, listener as (payload: unknown) => void);
    },
    async stageFile(file: File) {
      return (await transport.stageFile(file)) as FileRef;
    },
    stagesFolders: window.tiecheck !== undefined,
  } as Api;
  for (const channel of Object.keys(calls) as Channel[]) {
    (api as unknown as Record<string, unknown>)[channel] = async (request: Request<typeof channel>) =>
      unwrap<Response<typeof channel>>(await transport.invoke(channel, request));
  }
  return api;
}

export const api: Api = createApi();
