// Hash routing: `#/page/arg?filters`. The hash holds the filters, so a view can be shared,
// and the server never needs an index fallback.

export interface PageContext {
  main: HTMLElement;
  /** Decoded path segments after the page name: `#/race/ID` gives ['ID']. */
  args: string[];
  query: URLSearchParams;
  /** False once the user has moved to another page: late answers are then dropped. */
  alive: () => boolean;
  /** Shows this page with other filters: a new history entry, and the page is drawn again. */
  navigate: (query: Query) => void;
  /** Rewrites the hash query in place, without drawing the page again (e.g. plan edits). */
  replaceQuery: (query: Query) => void;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export type Page = (context: PageContext) => void;

let generation = 0;
let currentPath = '';

export function parseHash(hash: string): { path: string; parts: string[]; query: URLSearchParams } {
  const body = hash.replace(/^#/, '') || '/';
  const [path, queryText = ''] = body.split('?', 2) as [string, string?];
  const parts = path.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
  return { path, parts, query: new URLSearchParams(queryText) };
}

export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function startRouter(main: HTMLElement, pages: Record<string, Page>, notFound: Page): void {
  const render = () => {
    const { path, parts, query } = parseHash(location.hash);
    const isNewPath = path !== currentPath;
    const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
    currentPath = path;
    const token = ++generation;
    const page = pages[parts[0] ?? ''] ?? notFound;
    main.replaceChildren();
    for (const link of document.querySelectorAll<HTMLAnchorElement>('header nav a')) {
      const target = parseHash(link.getAttribute('href') ?? '').parts[0] ?? '';
      const active = target === (parts[0] ?? '') || (target === 'bodies' && parts[0] === 'body');
      if (active) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    page({
      main,
      args: parts.slice(1),
      query,
      alive: () => token === generation,
      navigate: (next) => {
        location.hash = `${path}${queryString(next)}`;
      },
      replaceQuery: (next) => {
        history.replaceState(null, '', `#${path}${queryString(next)}`);
      },
    });
    if (isNewPath) {
      window.scrollTo(0, 0);
      main.focus({ preventScroll: true });
    } else if (focusedId) {
      // A filter changed: keep the keyboard where it was.
      document.getElementById(focusedId)?.focus();
    }
  };
  window.addEventListener('hashchange', render);
  render();
}
