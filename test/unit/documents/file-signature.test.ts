import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileSignature } from '../../../server/documents/file-signature.js';
import { sampleDicom, sampleExecutable, sampleJpeg, samplePdf, samplePng } from '../../support/sample-files.js';

const signatureOf = (bytes: Buffer) => fileSignature(bytes.subarray(0, 132), bytes.subarray(-1024));

test('each accepted type is recognised by its bytes', () => {
  assert.equal(signatureOf(samplePng()), { kind: 'accepted', mediaType: 'image/png' });
  assert.equal(signatureOf(sampleJpeg()), { kind: 'accepted', mediaType: 'image/jpeg' });
  assert.equal(signatureOf(samplePdf()), { kind: 'accepted', mediaType: 'application/pdf' });
  assert.equal(signatureOf(sampleDicom()), { kind: 'accepted', mediaType: 'application/dicom' });
});

test('a PDF with trailing white space after %%EOF is complete', () => {
  const pdf = Buffer.concat([samplePdf(), Buffer.from('\r\n\r\n   ')]);
  assert.is(signatureOf(pdf).kind, 'accepted');
});

test('files cut short are incomplete, naming what is missing', () => {
  const png = samplePng();
  const cut = signatureOf(png.subarray(0, png.length - 1));
  assert.is(cut.kind, 'incomplete');
  assert.match(cut.kind === 'incomplete' ? cut.detail : '', /IEND/);
  const jpeg = sampleJpeg();
  assert.is(signatureOf(jpeg.subarray(0, jpeg.length - 1)).kind, 'incomplete');
  const pdf = samplePdf();
  assert.is(signatureOf(pdf.subarray(0, pdf.length - 8)).kind, 'incomplete');
});

test('anything else is unknown: executables, text, a PNG signature without IHDR, a short DICOM', () => {
  assert.equal(signatureOf(sampleExecutable()), { kind: 'unknown' });
  assert.equal(signatureOf(Buffer.from('just some notes')), { kind: 'unknown' });
  assert.equal(signatureOf(Buffer.alloc(0)), { kind: 'unknown' });
  const headerOnly = Buffer.concat([samplePng().subarray(0, 8), Buffer.alloc(40)]);
  assert.equal(signatureOf(headerOnly), { kind: 'unknown' });
  assert.equal(signatureOf(sampleDicom().subarray(0, 131)), { kind: 'unknown' });
});

test.run();
