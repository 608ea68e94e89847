/** What a consultation attachment may be (judged by its bytes) and the name it is downloaded as. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ATTACHMENT_MAX_BYTES, attachmentFileName, attachmentProblem } from './attachment.ts';

const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n',
  'latin1',
);

test('a PDF of sane structure is taken; the content decides, not the name', () => {
  assert.equal(attachmentProblem(PDF), null);
  assert.equal(attachmentProblem(Buffer.concat([PDF, Buffer.from('\r\n\0\0')])), null, 'bytes after %%EOF');
  assert.equal(attachmentProblem(new Uint8Array()), 'empty');
  assert.equal(attachmentProblem(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')), 'not_pdf');
  assert.equal(attachmentProblem(Buffer.from('<html><body>%PDF-1.4</body></html>')), 'not_pdf');
  assert.equal(attachmentProblem(Buffer.from(' %PDF-1.4\n1 0 obj endobj startxref %%EOF')), 'not_pdf');
  assert.equal(attachmentProblem(Buffer.from('%PDF-1.4\nhello')), 'damaged_pdf', 'no trailer');
  assert.equal(attachmentProblem(Buffer.from('%PDF-1.4\nstartxref\n0\n%%EOF')), 'damaged_pdf', 'no object');
  assert.equal(attachmentProblem(Buffer.from('%PDF-9.9\n1 0 obj endobj startxref %%EOF')), 'not_pdf');
  const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
  assert.equal(attachmentProblem(big), 'too_large');
});

test('the download name is cleaned and always ends .pdf', () => {
  assert.equal(attachmentFileName('Lausunto 2021.pdf'), 'Lausunto 2021.pdf');
  assert.equal(attachmentFileName('C:\\Users\\x\\lausunto.PDF'), 'lausunto.pdf');
  assert.equal(attachmentFileName('a"b;c\r\nd<e> f.pdf'), 'abcde f.pdf');
  assert.equal(attachmentFileName('kuva.png'), 'kuva.png.pdf');
  assert.equal(attachmentFileName(''), 'liite.pdf');
  assert.equal(attachmentFileName('.htaccess'), 'liite.pdf');
  assert.ok(attachmentFileName('x'.repeat(300)).length <= 100);
});
