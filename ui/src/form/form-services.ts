import { createContext } from '@lit/context';
import type { AttachmentValue, TerminologyConcept } from '../api.js';

/**
 * What a form's widgets ask of the outside world, shared through `@lit/context` by the
 * `<docsy-form>` (or any provider) above them: searching a terminology and uploading a file.
 * Both are injectable, so that a page or a test decides where they go.
 */
export interface FormServices {
  /** Concepts of a value set matching what was typed. */
  searchTerminology(valueSet: string, q: string, signal?: AbortSignal): Promise<TerminologyConcept[]>;
  /** Uploads a file and answers the attachment value to record; rejects with a message to show. */
  uploadAttachment(file: File, signal?: AbortSignal): Promise<AttachmentValue>;
}

export const formServicesContext = createContext<FormServices | undefined>(Symbol('docsy-form-services'));
