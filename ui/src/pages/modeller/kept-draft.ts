/**
 * The editor's text kept in the tab's `sessionStorage` while the modeller visits other pages,
 * so following a link (or a reload) does not lose a draft. Knowledge files hold no patient data;
 * closing the tab forgets the draft.
 */

const key = 'docsy.modeller.draft';

/** What the editor keeps: its text and where the text came from, in words. */
export interface KeptDraft {
  source: string;
  origin: string;
}

/**
 * The draft kept in this tab, if any.
 *
 * @example
 * const kept = keptDraft(); if (kept) editor.source = kept.source;
 */
export function keptDraft(): KeptDraft | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<KeptDraft> | null;
    return typeof stored?.source === 'string' && stored.source.trim()
      ? { source: stored.source, origin: typeof stored.origin === 'string' ? stored.origin : '' }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the editor's text (an empty text forgets the draft).
 *
 * @example
 * keepDraft({ source: textarea.value, origin: 'Loaded from the file pulse.json.' });
 */
export function keepDraft(draft: KeptDraft): void {
  try {
    if (draft.source.trim()) sessionStorage.setItem(key, JSON.stringify(draft));
    else sessionStorage.removeItem(key);
  } catch {
    // Storage full or blocked: the draft is not kept across pages, nothing else changes.
  }
}
