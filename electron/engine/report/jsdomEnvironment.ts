// A jsdom window installed as Node's globals for the length of one render, and taken away again afterwards.
import { JSDOM } from 'jsdom';

/** A ResizeObserver that never fires: fixed-size charts have nothing to observe, and jsdom has none. */
class SilentResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** The globals React and recharts look for; each is put back as it was (or removed) by `restore`. */
const GLOBAL_NAMES = ['window', 'document', 'navigator', 'ResizeObserver', 'IS_REACT_ACT_ENVIRONMENT', 'requestAnimationFrame', 'cancelAnimationFrame'] as const;

export interface JsdomEnvironment {
  dom: JSDOM;
  /** The element to render into. */
  container: HTMLElement;
  restore(): void;
}

export function installJsdomGlobals(): JsdomEnvironment {
  const dom = new JSDOM('<!doctype html><html lang="en"><head></head><body><div id="tc-root"></div></body></html>', { pretendToBeVisual: true });
  const win = dom.window as unknown as Record<string, unknown>;
  win.ResizeObserver = SilentResizeObserver;

  const g = globalThis as unknown as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const values: Record<(typeof GLOBAL_NAMES)[number], unknown> = {
    window: dom.window,
    document: dom.window.document,
    navigator: dom.window.navigator,
    ResizeObserver: SilentResizeObserver,
    IS_REACT_ACT_ENVIRONMENT: true,
    requestAnimationFrame: dom.window.requestAnimationFrame.bind(dom.window),
    cancelAnimationFrame: dom.window.cancelAnimationFrame.bind(dom.window),
  };
  for (const name of GLOBAL_NAMES) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    // defineProperty, not assignment: Node 21+ has a getter-only `navigator`.
    Object.defineProperty(g, name, { value: values[name], configurable: true, writable: true, enumerable: false });
  }

  return {
    dom,
    container: dom.window.document.getElementById('tc-root') as unknown as HTMLElement,
    restore() {
      for (const name of GLOBAL_NAMES) {
        const before = saved.get(name);
        if (before) Object.defineProperty(g, name, before);
        else delete g[name];
      }
      dom.window.close();
    },
  };
}
