// Page, language, trainee preferences, side-panel tab and per-session drafts.
import { KEYS, loadPrefs, writeJson } from './persist.ts';
import type { Route } from './route.ts';
import { parseRoute } from './route.ts';
import type { Slice } from './state.ts';
import type { Lang, Mode } from './types.ts';

export type SideTab = 'buyer' | 'products' | 'sizes' | 'shop';
/** On small screens the side panel and the conversation list slide over the chat as drawers. */
export type Drawer = 'side' | 'list';

export interface UiSlice {
  lang: Lang;
  mode: Mode;
  displayName: string;
  route: Route;
  sideTab: SideTab;
  /** the product the catalogue tab shows opened */
  focusProduct: string | null;
  drafts: Record<string, string>;
  /** the drawer asked for; it only shows where the screen is too narrow for that column */
  drawer: Drawer | null;
  setLang(lang: Lang): void;
  setMode(mode: Mode): void;
  setDisplayName(name: string): void;
  /** Go to a page: push a history entry unless `replace`. */
  navigate(path: string, replace?: boolean): void;
  /** The browser moved (back/forward, first load). */
  syncRoute(pathname: string): void;
  setSideTab(tab: SideTab): void;
  showProduct(productId: string): void;
  setDraft(sessionId: string, text: string): void;
  openDrawer(drawer: Drawer): void;
  closeDrawer(): void;
}

export const createUiSlice: Slice<UiSlice> = (env) => (set, get) => {
  const prefs = loadPrefs(env.storage);
  const savePrefs = () => {
    const { lang, mode, displayName } = get();
    writeJson(env.storage, KEYS.prefs, { lang, mode, displayName });
  };
  const enter = (route: Route) => {
    // Picking a chat from the list drawer (or any page change) puts the drawers away.
    set({ route, drawer: null });
    if (route.name === 'chat') get().selectSession(route.sessionId);
    else get().selectSession(null);
  };
  return {
    ...prefs,
    route: { name: 'home' },
    sideTab: 'buyer',
    focusProduct: null,
    drafts: {},
    drawer: null,
    setLang(lang) {
      set({ lang });
      savePrefs();
    },
    setMode(mode) {
      set({ mode });
      savePrefs();
    },
    setDisplayName(displayName) {
      set({ displayName });
      savePrefs();
    },
    navigate(path, replace = false) {
      if (replace) env.history?.replace(path);
      else env.history?.push(path);
      enter(parseRoute(path));
    },
    syncRoute(pathname) {
      enter(parseRoute(pathname));
    },
    setSideTab(sideTab) {
      set({ sideTab });
    },
    showProduct(focusProduct) {
      set({ sideTab: 'products', focusProduct });
    },
    setDraft(sessionId, text) {
      set({ drafts: { ...get().drafts, [sessionId]: text } });
    },
    openDrawer(drawer) {
      set({ drawer });
    },
    closeDrawer() {
      set({ drawer: null });
    },
  };
};
