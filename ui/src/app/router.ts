/**
 * Client-side navigation with the history API: same-origin links anywhere in the page (shadow
 * roots included) change the location without a reload, and the browser's back and forward
 * buttons work. The server answers every such path with the app (its single-page fallback), so
 * a deep link or a reload opens the same page.
 *
 * @example
 * const router = new Router(() => app.showLocation());
 * router.start();
 * router.navigate('/portal/record');
 */
export class Router {
  readonly #onChange: () => void;

  constructor(onChange: () => void) {
    this.#onChange = onChange;
  }

  start(): void {
    window.addEventListener('popstate', this.#onPopState);
    window.addEventListener('click', this.#onClick);
  }

  stop(): void {
    window.removeEventListener('popstate', this.#onPopState);
    window.removeEventListener('click', this.#onClick);
  }

  /** Goes to a path (with its query); `replace` leaves no history entry (redirects). */
  navigate(path: string, options: { replace?: boolean } = {}): void {
    const url = new URL(path, location.href);
    if (url.href === location.href && !options.replace) return;
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#onChange();
  }

  readonly #onPopState = (): void => this.#onChange();

  readonly #onClick = (event: MouseEvent): void => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = event
      .composedPath()
      .find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
    if (!anchor || !isAppLink(anchor)) return;
    event.preventDefault();
    this.navigate(anchor.href);
  };
}

/** A link the app handles itself: same origin, same window, not a download, not the API or docs. */
function isAppLink(anchor: HTMLAnchorElement): boolean {
  if (!anchor.href || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return false;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin) return false;
  return !/^\/(api|docs)(\/|$)|\.html$/.test(url.pathname);
}
