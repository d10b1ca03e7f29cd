// The colour theme (system / light / dark): stored in localStorage, applied as `data-theme` on <html>.
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'tiecheck-theme';

export function readStoredTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function storeTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage can be off (private windows); the choice then lasts for this session only.
  }
  applyTheme(choice);
}

// The shell imports the settings page at start-up, so the remembered theme applies before the first paint of any page.
applyTheme(readStoredTheme());
