import type { Json } from '../form/form-definition.js';

/** A file a composition references (an attachment value, docs/modelling.md "Data types"). */
export interface ReferencedFile {
  id: string;
  mediaType: string;
  size: number;
  name?: string;
}

/**
 * Every attachment a composition's content references, in document order, each once.
 *
 * @example
 * referencedFiles(composition.content); // [{ id: '…', mediaType: 'application/pdf', size: 48213, name: 'report.pdf' }]
 */
export function referencedFiles(content: Json): ReferencedFile[] {
  const found = new Map<string, ReferencedFile>();
  const visit = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const { id, mediaType, size, sha256, name } = value;
      if (typeof id === 'string' && typeof mediaType === 'string' && typeof sha256 === 'string')
        found.set(id, {
          id,
          mediaType,
          size: typeof size === 'number' ? size : 0,
          ...(typeof name === 'string' ? { name } : {}),
        });
      else Object.values(value).forEach(visit);
    }
  };
  visit(content);
  return [...found.values()];
}

/**
 * Saves a file the browser holds as a download with the given name.
 *
 * @example
 * saveFile(await api.download(`/api/ehr/${ehrId}/compositions/${uid}/pdf`), 'prescription.pdf');
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
