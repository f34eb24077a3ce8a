import { extractText, getDocumentProxy } from 'unpdf';

/**
 * The text of each page of a PDF, as a PDF reader extracts it (pdf.js through `unpdf`), with
 * runs of white space made single spaces so wrapped text reads as one line.
 *
 * @example
 * const { pages } = await pdfText(response.rawPayload);
 * assert.match(pages[0], /Page 1 of 2/);
 */
export async function pdfText(pdf: Buffer): Promise<{ pages: string[]; all: string }> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  const pages = text.map((page) => page.replace(/\s+/g, ' '));
  return { pages, all: pages.join(' ') };
}

/**
 * The fonts (pdf.js's names for the PDF's font resources) of the text runs containing each
 * fragment: runs in the same font share a name, so emphasis shows as the name of a bold run.
 *
 * @example
 * const fonts = await fontsOf(pdf, ['* Low', 'Flag']);
 * assert.equal(fonts['* Low'], fonts.Flag); // both bold
 */
export async function fontsOf(pdf: Buffer, fragments: string[]): Promise<Record<string, string[]>> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const fonts = Object.fromEntries(fragments.map((fragment) => [fragment, new Set<string>()]));
  for (let n = 1; n <= document.numPages; n++) {
    const { items } = await (await document.getPage(n)).getTextContent();
    for (const item of items) {
      for (const fragment of fragments)
        if ('str' in item && item.str.includes(fragment)) fonts[fragment]!.add(item.fontName);
    }
  }
  return Object.fromEntries(Object.entries(fonts).map(([fragment, names]) => [fragment, [...names]]));
}
